package dev.polyphony.graph.io;

import static dev.polyphony.graph.io.LastfmSchema.ARTIST;
import static dev.polyphony.graph.io.LastfmSchema.FRIEND;
import static dev.polyphony.graph.io.LastfmSchema.HAS_TAG;
import static dev.polyphony.graph.io.LastfmSchema.LISTENED;
import static dev.polyphony.graph.io.LastfmSchema.TAG;
import static dev.polyphony.graph.io.LastfmSchema.TAGGED;
import static dev.polyphony.graph.io.LastfmSchema.USED_TAG;
import static dev.polyphony.graph.io.LastfmSchema.USER;

import dev.polyphony.graph.AttributeColumn;
import dev.polyphony.graph.AttributeKind;
import dev.polyphony.graph.HeteroGraph;
import dev.polyphony.graph.HeteroGraphBuilder;
import dev.polyphony.graph.NodeType;
import dev.polyphony.graph.ProgressTracker;
import it.unimi.dsi.fastutil.longs.LongOpenHashSet;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the HetRec 2011 Last.fm 2K dataset (Cantador, Brusilovsky and Kuflik, "2nd Workshop on
 * Information Heterogeneity and Fusion in Recommender Systems", RecSys 2011) from its folder into a graph
 * of {@link LastfmSchema}.
 *
 * <p>Input: the folder holding {@value #ARTISTS} (UTF-8), {@value #TAGS} (ISO-8859-1),
 * {@value #USER_ARTISTS}, {@value #USER_FRIENDS} and {@value #USER_TAGGED_ARTISTS}, all tab-separated
 * with the documented header line; a missing one is an {@link IngestException} naming it. The optional
 * {@value #USER_TAGGED_ARTISTS_TIMESTAMPS} repeats the tag assignments with times of day and is not
 * read; a note says so when it is present.
 *
 * <p>Artists and tags are defined by their files; users have no file and exist once an accepted row
 * names them. Every tag assignment adds weight 1 to {@code tagged}, {@code has_tag} and {@code used_tag};
 * the builder merges repeated pairs by summing, which turns the weights into assignment counts and keeps
 * the earliest date on {@code tagged}.
 *
 * <p>Rejected rows: numbers that do not parse, play counts that are not whole numbers > 0, impossible
 * dates, rows naming an artist absent from {@value #ARTISTS} or a tag absent from {@value #TAGS}
 * ({@link RejectReason#DANGLING_REFERENCE}), and repeated artist or tag ids with a different name
 * (exact repeats are merged and counted in the notes). The published data has 1,538 tag assignments
 * naming 390 artist ids that {@value #ARTISTS} lacks, so reading it needs a {@link RejectReport} that
 * allows at least that many rejects.
 */
public final class LastfmHetrecReader implements GraphReader {
  public static final String ARTISTS = "artists.dat";
  public static final String TAGS = "tags.dat";
  public static final String USER_ARTISTS = "user_artists.dat";
  public static final String USER_FRIENDS = "user_friends.dat";
  public static final String USER_TAGGED_ARTISTS = "user_taggedartists.dat";
  public static final String USER_TAGGED_ARTISTS_TIMESTAMPS = "user_taggedartists-timestamps.dat";

  private static final List<String> REQUIRED_FILES =
      List.of(ARTISTS, TAGS, USER_ARTISTS, USER_FRIENDS, USER_TAGGED_ARTISTS);
  private static final long MILLIS_PER_DAY = 86_400_000L;

  @Override
  public IngestResult read(Path folder, RejectReport rejects, ProgressTracker progress) throws IOException {
    if (!Files.isDirectory(folder)) {
      throw new IngestException("Last.fm HetRec input must be the dataset folder (got " + folder + ")");
    }
    List<String> missing = new ArrayList<>();
    for (String name : REQUIRED_FILES) {
      if (!Files.isRegularFile(folder.resolve(name))) {
        missing.add(name);
      }
    }
    if (!missing.isEmpty()) {
      throw new IngestException("Last.fm HetRec folder " + folder + " lacks " + String.join(", ", missing));
    }
    return new Ingestion(folder, rejects, progress).run();
  }

  /** The state of one read: the builder, per-artist listening totals and what to report. */
  private static final class Ingestion {
    private final Path folder;
    private final RejectReport rejects;
    private final ProgressTracker progress;
    private final HeteroGraphBuilder builder = new HeteroGraphBuilder(LastfmSchema.SCHEMA);
    private final AttributeColumn.Builder artistNames =
        builder.attribute(ARTIST, LastfmSchema.ARTIST_NAME, AttributeKind.STRING);
    private final AttributeColumn.Builder tagValues =
        builder.attribute(TAG, LastfmSchema.TAG_VALUE, AttributeKind.STRING);
    private final LongOpenHashSet listenedPairs = new LongOpenHashSet();
    private final List<String> notes = new ArrayList<>();
    private long[] plays;
    private int[] listeners;
    private long rowsRead;

    Ingestion(Path folder, RejectReport rejects, ProgressTracker progress) {
      this.folder = folder;
      this.rejects = rejects;
      this.progress = progress;
      builder.declareWeights(LISTENED);
      builder.declareWeights(TAGGED).declareTimestamps(TAGGED);
      builder.declareWeights(HAS_TAG);
      builder.declareWeights(USED_TAG);
    }

    IngestResult run() throws IOException {
      readNamedNodes(ARTISTS, StandardCharsets.UTF_8, List.of("id", "name", "url", "pictureURL"), ARTIST,
          artistNames);
      readNamedNodes(TAGS, StandardCharsets.ISO_8859_1, List.of("tagID", "tagValue"), TAG, tagValues);
      plays = new long[builder.nodeCount(ARTIST)];
      listeners = new int[builder.nodeCount(ARTIST)];
      readListened();
      readFriends();
      readTagAssignments();
      setListeningAttributes();
      if (Files.exists(folder.resolve(USER_TAGGED_ARTISTS_TIMESTAMPS))) {
        notes.add(USER_TAGGED_ARTISTS_TIMESTAMPS + " is present but not read: it repeats "
            + USER_TAGGED_ARTISTS + " with times of day, and dates come from " + USER_TAGGED_ARTISTS);
      }
      HeteroGraph graph = builder.build(progress);
      return new IngestResult(graph, rejects, builder.mergedDuplicateEdges(), rowsRead, notes);
    }

    /** Artists and tags: an id column and a name column; a repeated id must repeat the name. */
    private void readNamedNodes(String file, Charset charset, List<String> columns, NodeType type,
        AttributeColumn.Builder names) throws IOException {
      long[] merged = {0};
      try (DelimitedFileReader reader = open(file, charset, columns)) {
        rowsRead += reader.forEachRow(rejects, progress, row -> {
          // Ids are kept in canonical decimal form, so "007" and "7" name one node.
          String id = Long.toString(row.wholeNumber(0));
          String name = row.text(1);
          int existing = builder.nodeIndex(type, id);
          if (existing >= 0) {
            Object known = names.get(existing);
            if (!name.equals(known)) {
              throw row.reject(1, RejectReason.CONFLICTING_DUPLICATE_NODE,
                  type + " " + id + " is already '" + known + "' (got '" + name + "')");
            }
            merged[0]++;
            return;
          }
          names.setString(builder.addNode(type, id), name);
        });
      }
      if (merged[0] > 0) {
        notes.add(file + ": " + merged[0] + " exact duplicate row(s) merged");
      }
    }

    private void readListened() throws IOException {
      try (DelimitedFileReader reader = open(USER_ARTISTS, StandardCharsets.UTF_8,
          List.of("userID", "artistID", "weight"))) {
        rowsRead += reader.forEachRow(rejects, progress, row -> {
          long user = row.wholeNumber(0);
          long artistId = row.wholeNumber(1);
          long count = row.positiveWholeNumber(2);
          int artist = known(row, 1, artistId, ARTIST, ARTISTS);
          if (plays[artist] + count > Integer.MAX_VALUE) {
            throw new IngestException(USER_ARTISTS + ":" + row.line() + ": artist " + artistId
                + " exceeds " + Integer.MAX_VALUE + " plays, more than its INT attribute '"
                + LastfmSchema.ARTIST_PLAYS + "' holds");
          }
          int u = builder.addNode(USER, Long.toString(user));
          builder.addEdge(LISTENED, u, artist, count);
          plays[artist] += count;
          if (listenedPairs.add(((long) u << 32) | artist)) {
            listeners[artist]++;
          }
        });
      }
    }

    private void readFriends() throws IOException {
      try (DelimitedFileReader reader = open(USER_FRIENDS, StandardCharsets.UTF_8,
          List.of("userID", "friendID"))) {
        rowsRead += reader.forEachRow(rejects, progress, row -> {
          long user = row.wholeNumber(0);
          long friend = row.wholeNumber(1);
          builder.addEdge(FRIEND, builder.addNode(USER, Long.toString(user)),
              builder.addNode(USER, Long.toString(friend)));
        });
      }
    }

    private void readTagAssignments() throws IOException {
      try (DelimitedFileReader reader = open(USER_TAGGED_ARTISTS, StandardCharsets.UTF_8,
          List.of("userID", "artistID", "tagID", "day", "month", "year"))) {
        rowsRead += reader.forEachRow(rejects, progress, row -> {
          long user = row.wholeNumber(0);
          long artistId = row.wholeNumber(1);
          long tagId = row.wholeNumber(2);
          LocalDate day = row.date(5, 4, 3);
          int artist = known(row, 1, artistId, ARTIST, ARTISTS);
          int tag = known(row, 2, tagId, TAG, TAGS);
          int u = builder.addNode(USER, Long.toString(user));
          builder.addEdge(TAGGED, u, artist, 1f, day.toEpochDay() * MILLIS_PER_DAY);
          builder.addEdge(HAS_TAG, artist, tag, 1f);
          builder.addEdge(USED_TAG, u, tag, 1f);
        });
      }
    }

    private void setListeningAttributes() {
      AttributeColumn.Builder playColumn =
          builder.attribute(ARTIST, LastfmSchema.ARTIST_PLAYS, AttributeKind.INT);
      AttributeColumn.Builder listenerColumn =
          builder.attribute(ARTIST, LastfmSchema.ARTIST_LISTENERS, AttributeKind.INT);
      for (int a = 0; a < plays.length; a++) {
        playColumn.setInt(a, (int) plays[a]);
        listenerColumn.setInt(a, listeners[a]);
      }
    }

    private DelimitedFileReader open(String file, Charset charset, List<String> columns) throws IOException {
      DelimitedFileReader reader =
          DelimitedFileReader.openWithHeader(folder.resolve(file), file, DelimitedFormat.tsv(charset));
      try {
        reader.requireColumns(columns);
      } catch (IngestException e) {
        reader.close();
        throw e;
      }
      return reader;
    }

    /** The node index of an artist or tag id, which its defining file must have listed. */
    private int known(DelimitedRow row, int column, long id, NodeType type, String definingFile)
        throws RowRejectedException {
      int index = builder.nodeIndex(type, Long.toString(id));
      if (index < 0) {
        throw row.reject(column, RejectReason.DANGLING_REFERENCE, type + " " + id + " is not in " + definingFile);
      }
      return index;
    }
  }
}
