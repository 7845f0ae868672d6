package dev.polyphony.graph.io;

import static dev.polyphony.graph.io.LastfmSchema.ARTIST;
import static dev.polyphony.graph.io.LastfmSchema.FRIEND;
import static dev.polyphony.graph.io.LastfmSchema.HAS_TAG;
import static dev.polyphony.graph.io.LastfmSchema.LISTENED;
import static dev.polyphony.graph.io.LastfmSchema.TAG;
import static dev.polyphony.graph.io.LastfmSchema.TAGGED;
import static dev.polyphony.graph.io.LastfmSchema.USED_TAG;
import static dev.polyphony.graph.io.LastfmSchema.USER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.polyphony.graph.CsrAdjacency;
import dev.polyphony.graph.HeteroGraph;
import dev.polyphony.graph.testing.Datasets;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LastfmHetrecReaderTest {
  private static final long DAY = 86_400_000L;

  @TempDir
  Path dir;

  private final LastfmHetrecReader reader = new LastfmHetrecReader();

  @Test
  void readsTheRealDatasetWithItsDocumentedCounts() throws IOException {
    RejectReport rejects = new RejectReport(2_000);
    IngestResult result = reader.read(Datasets.lastfm(), rejects);
    HeteroGraph g = result.graph();

    assertThat(g.nodeCount(USER)).isEqualTo(1_892);
    assertThat(g.nodeCount(ARTIST)).isEqualTo(17_632);
    assertThat(g.nodeCount(TAG)).isEqualTo(11_946);
    assertThat(g.edgeCount(LISTENED)).isEqualTo(92_834);
    assertThat(g.edgeCount(FRIEND)).isEqualTo(25_434);
    // 186,479 assignments minus the 1,538 naming artists absent from artists.dat, as distinct pairs.
    assertThat(g.edgeCount(TAGGED)).isEqualTo(70_297);
    assertThat(g.edgeCount(HAS_TAG)).isEqualTo(108_437);
    assertThat(g.edgeCount(USED_TAG)).isEqualTo(35_730);
    assertThat(result.rowsRead()).isEqualTo(17_632 + 11_946 + 92_834 + 25_434 + 186_479);

    assertThat(rejects.total()).isEqualTo(1_538);
    assertThat(rejects.totals()).isEqualTo(Map.of(RejectReason.DANGLING_REFERENCE, 1_538L));
    assertThat(rejects.rejects()).allSatisfy(r -> {
      assertThat(r.file()).isEqualTo("user_taggedartists.dat");
      assertThat(r.field()).isEqualTo("artistID");
    });
    assertThat(rejects.rejects().get(0)).isEqualTo(new Reject("user_taggedartists.dat", 241, "artistID",
        RejectReason.DANGLING_REFERENCE, "artist 14103 is not in artists.dat"));
    assertThat(rejects.rejects().stream().map(Reject::detail).distinct().count()).isEqualTo(390);

    assertThat(weightSum(g.out(HAS_TAG)) + rejects.total()).isEqualTo(186_479);
    assertThat(weightSum(g.out(USED_TAG)) + rejects.total()).isEqualTo(186_479);
    assertThat(weightSum(g.out(TAGGED)) + rejects.total()).isEqualTo(186_479);
    assertThat(result.mergedDuplicateEdges()).containsEntry(LISTENED, 0).containsEntry(FRIEND, 0)
        .containsEntry(HAS_TAG, 186_479 - 1_538 - 108_437);

    int user2 = g.ids(USER).indexOf("2");
    int duranDuran = g.ids(ARTIST).indexOf("51");
    int morcheeba = g.ids(ARTIST).indexOf("52");
    int britney = g.ids(ARTIST).indexOf("289");
    assertThat(weightOf(g.out(LISTENED), user2, duranDuran)).isEqualTo(13_883f);
    assertThat(g.attributes(ARTIST).column(LastfmSchema.ARTIST_NAME).getString(duranDuran)).isEqualTo("Duran Duran");
    assertThat(g.attributes(ARTIST).column(LastfmSchema.ARTIST_LISTENERS).getInt(duranDuran)).isEqualTo(111);
    assertThat(g.attributes(ARTIST).column(LastfmSchema.ARTIST_PLAYS).getInt(britney)).isEqualTo(2_393_140);
    assertThat(g.attributes(ARTIST).column(LastfmSchema.ARTIST_LISTENERS).getInt(britney))
        .isEqualTo(g.in(LISTENED).degree(britney));
    // user 2 tagged Morcheeba on 1/4/2009 with several tags.
    int pos = position(g.out(TAGGED), user2, morcheeba);
    assertThat(g.out(TAGGED).timestamp(pos)).isEqualTo(LocalDate.of(2009, 4, 1).toEpochDay() * DAY);
    assertThat(g.attributes(TAG).column(LastfmSchema.TAG_VALUE).getString(g.ids(TAG).indexOf("1")))
        .isEqualTo("metal");
    assertThat(g.attributes(TAG).column(LastfmSchema.TAG_VALUE).getString(g.ids(TAG).indexOf("7982")))
        .isEqualTo("fußball");
    assertThat(result.notes()).isEmpty();
  }

  @Test
  void realDatasetNeedsMoreThanTheDefaultRejectLimit() {
    assertThatThrownBy(() -> reader.read(Datasets.lastfm(), new RejectReport()))
        .isInstanceOf(TooManyRejectsException.class)
        .hasMessageContaining("more than 1000 rejected rows")
        .hasMessageContaining("user_taggedartists.dat");
  }

  @Test
  void buildsCountsWeightsAndEarliestDatesOnASmallDataset() throws IOException {
    writeDataset(
        "id\tname\turl\tpictureURL\n1\tMorcheeba\tu\tp\n2\tAir\tu\t\n",
        "tagID\ttagValue\r\n10\ttrip-hop\r\n11\tfran\u00e7ais\r\n",
        "userID\tartistID\tweight\r\n5\t1\t100\r\n5\t2\t7\r\n6\t1\t20\r\n",
        "userID\tfriendID\r\n5\t6\r\n6\t5\r\n",
        "userID\tartistID\ttagID\tday\tmonth\tyear\n"
            + "5\t1\t10\t1\t4\t2009\n5\t1\t11\t1\t3\t2009\n6\t2\t11\t2\t5\t2010\n7\t1\t10\t1\t1\t2008\n");

    RejectReport rejects = new RejectReport(0);
    IngestResult result = reader.read(dir, rejects);
    HeteroGraph g = result.graph();

    assertThat(g.ids(USER).externalIds()).containsExactly("5", "6", "7");
    int u5 = 0;
    int u6 = 1;
    int u7 = 2;
    int morcheeba = g.ids(ARTIST).indexOf("1");
    int air = g.ids(ARTIST).indexOf("2");
    int tripHop = g.ids(TAG).indexOf("10");
    int francais = g.ids(TAG).indexOf("11");
    assertThat(weightOf(g.out(LISTENED), u5, air)).isEqualTo(7f);
    assertThat(g.out(FRIEND).neighbors(u5)).containsExactly(u6);
    assertThat(g.out(FRIEND).neighbors(u6)).containsExactly(u5);
    int tagged = position(g.out(TAGGED), u5, morcheeba);
    assertThat(g.out(TAGGED).weight(tagged)).isEqualTo(2f);
    assertThat(g.out(TAGGED).timestamp(tagged)).isEqualTo(LocalDate.of(2009, 3, 1).toEpochDay() * DAY);
    assertThat(weightOf(g.out(HAS_TAG), morcheeba, tripHop)).isEqualTo(2f);
    assertThat(weightOf(g.out(HAS_TAG), morcheeba, francais)).isEqualTo(1f);
    assertThat(weightOf(g.out(HAS_TAG), air, francais)).isEqualTo(1f);
    assertThat(weightOf(g.out(USED_TAG), u5, tripHop)).isEqualTo(1f);
    assertThat(weightOf(g.out(USED_TAG), u7, tripHop)).isEqualTo(1f);
    assertThat(g.attributes(ARTIST).column(LastfmSchema.ARTIST_PLAYS).getInt(morcheeba)).isEqualTo(120);
    assertThat(g.attributes(ARTIST).column(LastfmSchema.ARTIST_LISTENERS).getInt(morcheeba)).isEqualTo(2);
    assertThat(g.attributes(ARTIST).column(LastfmSchema.ARTIST_LISTENERS).getInt(air)).isEqualTo(1);
    assertThat(g.attributes(TAG).column(LastfmSchema.TAG_VALUE).getString(francais)).isEqualTo("fran\u00e7ais");
    assertThat(result.rowsRead()).isEqualTo(2 + 2 + 3 + 2 + 4);
    assertThat(result.mergedDuplicateEdges()).containsEntry(TAGGED, 1).containsEntry(USED_TAG, 0);
  }

  @Test
  void rejectsBadRowsWithFileLineAndField() throws IOException {
    writeDataset(
        "id\tname\turl\tpictureURL\n1\tMorcheeba\tu\tp\n1\tMorcheeba\tu\tp\n1\tAir\tu\tp\nx\tAir\tu\tp\n"
            + "3\t\tu\tp\n4\tShort\n",
        "tagID\ttagValue\n10\ttrip-hop\n",
        "userID\tartistID\tweight\n5\t1\t0\n5\t1\tNaN\n5\t1\t1.5\n5\t9\t3\n5x\t1\t3\n5\t1\t-2\n",
        "userID\tfriendID\n5\t\n",
        "userID\tartistID\ttagID\tday\tmonth\tyear\n"
            + "5\t1\t10\t31\t2\t2009\n5\t1\t10\t1\t13\t2009\n5\t77\t10\t1\t1\t2009\n5\t1\t99\t1\t1\t2009\n"
            + "5\t1\t10\t1\t1\t2009\n");

    RejectReport rejects = new RejectReport(100);
    IngestResult result = reader.read(dir, rejects);

    assertThat(rejects.rejects()).containsExactly(
        new Reject("artists.dat", 4, "name", RejectReason.CONFLICTING_DUPLICATE_NODE,
            "artist 1 is already 'Morcheeba' (got 'Air')"),
        new Reject("artists.dat", 5, "id", RejectReason.UNPARSABLE_NUMBER, "'x'"),
        new Reject("artists.dat", 6, "name", RejectReason.MISSING_FIELD, "empty"),
        new Reject("artists.dat", 7, "url", RejectReason.MISSING_FIELD, "the row has 2 of 4 fields"),
        new Reject("user_artists.dat", 2, "weight", RejectReason.OUT_OF_RANGE, "must be > 0 (got 0)"),
        new Reject("user_artists.dat", 3, "weight", RejectReason.NON_FINITE_VALUE, "'NaN'"),
        new Reject("user_artists.dat", 4, "weight", RejectReason.UNPARSABLE_NUMBER, "'1.5' is not a whole number"),
        new Reject("user_artists.dat", 5, "artistID", RejectReason.DANGLING_REFERENCE,
            "artist 9 is not in artists.dat"),
        new Reject("user_artists.dat", 6, "userID", RejectReason.UNPARSABLE_NUMBER, "'5x'"),
        new Reject("user_artists.dat", 7, "weight", RejectReason.OUT_OF_RANGE, "must be > 0 (got -2)"),
        new Reject("user_friends.dat", 2, "friendID", RejectReason.MISSING_FIELD, "empty"),
        new Reject("user_taggedartists.dat", 2, "day", RejectReason.INVALID_DATE,
            "31/2/2009 (d/m/y) is not a calendar date"),
        new Reject("user_taggedartists.dat", 3, "month", RejectReason.INVALID_DATE,
            "1/13/2009 (d/m/y): month outside 1..12"),
        new Reject("user_taggedartists.dat", 4, "artistID", RejectReason.DANGLING_REFERENCE,
            "artist 77 is not in artists.dat"),
        new Reject("user_taggedartists.dat", 5, "tagID", RejectReason.DANGLING_REFERENCE,
            "tag 99 is not in tags.dat"));
    assertThat(result.notes()).containsExactly("artists.dat: 1 exact duplicate row(s) merged");
    HeteroGraph g = result.graph();
    assertThat(g.nodeCount(ARTIST)).isEqualTo(1);
    assertThat(g.edgeCount(LISTENED)).isZero();
    assertThat(g.edgeCount(TAGGED)).isEqualTo(1);
    assertThat(g.attributes(ARTIST).column(LastfmSchema.ARTIST_PLAYS).getInt(0)).isZero();
  }

  @Test
  void missingRequiredFilesFailNamingThem() throws IOException {
    writeDataset("id\tname\turl\tpictureURL\n", "tagID\ttagValue\n", "userID\tartistID\tweight\n",
        "userID\tfriendID\n", "userID\tartistID\ttagID\tday\tmonth\tyear\n");
    Files.delete(dir.resolve("user_friends.dat"));
    Files.delete(dir.resolve("tags.dat"));
    assertThatThrownBy(() -> reader.read(dir, new RejectReport()))
        .isInstanceOf(IngestException.class)
        .hasMessageContaining("lacks tags.dat, user_friends.dat");
  }

  @Test
  void wrongHeaderFailsNamingTheFile() throws IOException {
    writeDataset("id\tname\turl\tpictureURL\n", "tagID\ttagValue\n", "userID\tartist\tweight\n",
        "userID\tfriendID\n", "userID\tartistID\ttagID\tday\tmonth\tyear\n");
    assertThatThrownBy(() -> reader.read(dir, new RejectReport()))
        .isInstanceOf(IngestException.class)
        .hasMessage("user_artists.dat: expected the columns [userID, artistID, weight] (got [userID, artist, weight])");
  }

  @Test
  void notesTheTimestampsFileWhenPresent() throws IOException {
    writeDataset("id\tname\turl\tpictureURL\n", "tagID\ttagValue\n", "userID\tartistID\tweight\n",
        "userID\tfriendID\n", "userID\tartistID\ttagID\tday\tmonth\tyear\n");
    Files.writeString(dir.resolve("user_taggedartists-timestamps.dat"), "userID\tartistID\ttagID\ttimestamp\n");
    IngestResult result = reader.read(dir, new RejectReport());
    assertThat(result.notes()).singleElement().asString()
        .startsWith("user_taggedartists-timestamps.dat is present but not read");
    assertThat(result.graph().nodeCount(USER)).isZero();
  }

  private void writeDataset(String artists, String tags, String userArtists, String friends, String tagged)
      throws IOException {
    Files.writeString(dir.resolve("artists.dat"), artists, StandardCharsets.UTF_8);
    Files.writeString(dir.resolve("tags.dat"), tags, StandardCharsets.ISO_8859_1);
    Files.writeString(dir.resolve("user_artists.dat"), userArtists);
    Files.writeString(dir.resolve("user_friends.dat"), friends);
    Files.writeString(dir.resolve("user_taggedartists.dat"), tagged);
  }

  private static double weightSum(CsrAdjacency adjacency) {
    double sum = 0;
    for (int p = 0; p < adjacency.edgeCount(); p++) {
      sum += adjacency.weight(p);
    }
    return sum;
  }

  private static int position(CsrAdjacency adjacency, int u, int v) {
    for (int p = adjacency.start(u); p < adjacency.end(u); p++) {
      if (adjacency.target(p) == v) {
        return p;
      }
    }
    throw new AssertionError("no edge " + u + " -> " + v);
  }

  private static float weightOf(CsrAdjacency adjacency, int u, int v) {
    return adjacency.weight(position(adjacency, u, v));
  }
}
