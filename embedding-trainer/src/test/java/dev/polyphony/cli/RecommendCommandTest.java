package dev.polyphony.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.polyphony.graph.testing.Datasets;
import org.junit.jupiter.api.Test;

class RecommendCommandTest {
  private static final String DATA = Datasets.lastfm().toString();

  @Test
  void recommendsArtistsToALastfmUserOrderedByTheFusedScoreWithReasons() throws Exception {
    CliRun run = CliRun.of("recommend", "--user", "2", "--data", DATA, "--epochs", "1", "--candidates", "30",
        "-k", "5", "--json");

    assertThat(run.exitCode()).as(run.err()).isZero();
    JsonNode json = new ObjectMapper().readTree(run.out());
    assertThat(json.get("target").asText()).isEqualTo("user 2");
    assertThat(json.get("head").asText()).isEqualTo("esmm");
    assertThat(json.get("candidatesScored").asInt()).isEqualTo(30);
    JsonNode items = json.get("items");
    assertThat(items).hasSize(5);
    double previous = Double.POSITIVE_INFINITY;
    for (JsonNode item : items) {
      double fused = item.get("fusedScore").asDouble();
      assertThat(fused).isLessThanOrEqualTo(previous);
      previous = fused;
      assertThat(item.get("taskScores").fieldNames()).toIterable().containsExactly("listened", "heavy", "tagged");
      assertThat(item.get("reasons")).isNotEmpty();
      assertThat(item.get("reasons").get(0).get("generator").asText()).isIn("taste", "friends", "popular");
    }
    assertThat(json.get("fusionWeights").fieldNames()).toIterable().containsExactly("listened", "heavy", "tagged",
        "tail");
  }

  @Test
  void continuesASpotifySongsPlaylistWithTrackScoresAndReasonsTheSameWayUnderOneSeed() throws Exception {
    String[] args = {"recommend", "--playlist", "37i9dQZF1DXcZDD7cfEKhW", "--data",
        Datasets.spotifySongsZip().toString(), "--epochs", "1", "--candidates", "20", "-k", "4"};
    CliRun run = CliRun.of(args);

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("4 tracks for playlist 37i9dQZF1DXcZDD7cfEKhW: 20 candidates ranked by esmm",
        "ln p(added)", "ln p(hit)", "continues playlist 37i9dQZF1DXcZDD7cfEKhW", "prepared in", "tail-creator");
    CliRun again = CliRun.of(args);
    assertThat(withoutTimes(again.out())).isEqualTo(withoutTimes(run.out()));
  }

  private static String withoutTimes(String out) {
    return out.replaceAll("prepared in .*", "");
  }

  @Test
  void anUnknownPlaylistFailsNamingIt() {
    CliRun run = CliRun.of("recommend", "--playlist", "no-such-playlist", "--data",
        Datasets.spotifySongsZip().toString());
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains("no playlist 'no-such-playlist' in the catalog (471 playlists");
  }

  @Test
  void anUnknownUserFailsNamingIt() {
    CliRun run = CliRun.of("recommend", "--user", "no-such-user", "--data", DATA);
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains("no user 'no-such-user' in the Last.fm data (1892 users");
  }

  @Test
  void answersBadOptionsWithAUsageError() {
    CliRun k = CliRun.of("recommend", "--user", "2", "--data", DATA, "-k", "0");
    assertThat(k.exitCode()).isEqualTo(2);
    assertThat(k.err()).contains("-k must be > 0 (got 0)");
    CliRun head = CliRun.of("recommend", "--user", "2", "--data", DATA, "--head", "wide-and-deep");
    assertThat(head.exitCode()).isEqualTo(2);
    assertThat(head.err()).contains("unknown head 'wide-and-deep'");
    CliRun credit = CliRun.of("recommend", "--user", "2", "--data", DATA, "--credit", "tail=-1");
    assertThat(credit.exitCode()).isEqualTo(2);
    assertThat(credit.err()).contains("credit of tail must be finite and >= 0 (got -1.0)");
    CliRun missing = CliRun.of("recommend", "--data", DATA);
    assertThat(missing.exitCode()).isEqualTo(2);
    assertThat(missing.err()).contains("--user=ID", "--playlist=ID");
    CliRun both = CliRun.of("recommend", "--user", "2", "--playlist", "p", "--data", DATA);
    assertThat(both.exitCode()).isEqualTo(2);
    assertThat(both.err()).contains("mutually exclusive");
  }

  @Test
  void ordersAPlaylistsListByTheFusionALearnedPolicyChooses(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
      throws Exception {
    java.nio.file.Path trained = dir.resolve("fusion");
    CliRun train = CliRun.of("fusion-train", "--users", "100", "--tracks", "600", "--sessions", "200", "--out",
        trained.toString());
    assertThat(train.exitCode()).as(train.err()).isZero();
    String policy = trained.resolve(FusionTrainCommand.POLICY).toString();

    CliRun run = CliRun.of("recommend", "--playlist", "37i9dQZF1DXcZDD7cfEKhW", "--data",
        Datasets.spotifySongsZip().toString(), "--epochs", "1", "--candidates", "20", "-k", "4", "--fusion-policy",
        policy);

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("4 tracks for playlist 37i9dQZF1DXcZDD7cfEKhW", "ln p(added)",
        "(chosen by the fusion policy " + policy + ")");

    CliRun lastfm = CliRun.of("recommend", "--user", "2", "--data", DATA, "--fusion-policy", policy);
    assertThat(lastfm.exitCode()).isEqualTo(2);
    assertThat(lastfm.err()).contains("--fusion-policy orders --playlist lists");
  }
}
