package dev.polyphony.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.polyphony.graph.io.GraphSnapshot;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipFile;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IngestCommandTest {
  @TempDir
  Path dir;

  @Test
  void missingInputFileFailsWithOneLineNamingIt() {
    Path missing = dir.resolve("nope.csv");
    CliRun run = CliRun.of("ingest", "--format", "spotify-songs", "--input", missing.toString(),
        "--out", dir.resolve("g.snap").toString());
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err().strip()).isEqualTo("polyphony: error: input not found: " + missing);
    assertThat(dir.resolve("g.snap")).doesNotExist();
  }

  @Test
  void verboseAddsTheStackTrace() {
    CliRun run = CliRun.of("ingest", "--verbose", "--format", "spotify-songs", "--input",
        dir.resolve("nope.csv").toString(), "--out", dir.resolve("g.snap").toString());
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.errorLines()).isEqualTo(1);
    assertThat(run.err()).contains("IngestException", "\tat dev.polyphony.cli.Ingestion");
  }

  @Test
  void unknownFormatIsAUsageErrorListingTheFormats() {
    CliRun run = CliRun.of("ingest", "--format", "xml", "--input", "x", "--out", "y.snap");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.errorLines()).isEqualTo(1);
    assertThat(run.err()).contains("unknown format 'xml'",
        "expected one of: spotify-songs, mpd, lastfm-hetrec, generic");
  }

  @Test
  void genericFormatNeedsASchemaAndOthersRefuseOne() {
    CliRun generic = CliRun.of("ingest", "--format", "generic", "--input", dir.toString(),
        "--out", dir.resolve("g.snap").toString());
    assertThat(generic.exitCode()).isEqualTo(2);
    assertThat(generic.err()).contains("--format generic needs --schema FILE");

    CliRun spotify = CliRun.of("ingest", "--format", "spotify-songs", "--schema", "s.yaml", "--input",
        dir.toString(), "--out", dir.resolve("g.snap").toString());
    assertThat(spotify.exitCode()).isEqualTo(2);
    assertThat(spotify.err()).contains("--schema is only read with --format generic");
  }

  @Test
  void missingSchemaFileFailsNamingIt() {
    Path schema = dir.resolve("absent.yaml");
    CliRun run = CliRun.of("ingest", "--format", "generic", "--schema", schema.toString(), "--input",
        dir.toString(), "--out", dir.resolve("g.snap").toString());
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err().strip()).isEqualTo("polyphony: error: schema file not found: " + schema);
  }

  @Test
  void missingRequiredOptionIsAUsageError() {
    CliRun run = CliRun.of("ingest", "--format", "mpd");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("Missing required options", "--input", "--out");
  }

  @Test
  void ingestsTheBundledSpotifySongsIntoASnapshotAndAnEmptyRejectReport() throws Exception {
    Path snapshot = dir.resolve("songs.snap");
    CliRun run = CliRun.of("ingest", "--format", "spotify-songs", "--input",
        BundledData.spotifySongs().toString(), "--out", snapshot.toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("rows read:  32833", "playlist 471", "merged duplicate edges:",
        "snapshot:   " + snapshot);
    assertThat(GraphSnapshot.read(snapshot).nodeCount()).isPositive();
    Path rejects = dir.resolve("songs.rejects.tsv");
    assertThat(Files.readAllLines(rejects).get(0)).isEqualTo("file\tline\tfield\treason\tdetail");
    // On a pipe, progress is one line per stage start and end.
    assertThat(run.err()).contains("> ").doesNotContain("\r");
  }

  /** The bundled file's header and first row, repeated {@code copies} times with an unparsable popularity. */
  private static void writeRowsWithBadPopularity(Path csv, int copies) throws Exception {
    try (ZipFile zip = new ZipFile(BundledData.spotifySongs().toFile());
        CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
            .parse(new InputStreamReader(zip.getInputStream(zip.entries().nextElement()), StandardCharsets.UTF_8));
        CSVPrinter printer = new CSVPrinter(Files.newBufferedWriter(csv), CSVFormat.RFC4180)) {
      List<String> header = parser.getHeaderNames();
      CSVRecord first = parser.iterator().next();
      printer.printRecord(header);
      for (int i = 0; i < copies; i++) {
        List<String> row = new ArrayList<>(first.toList());
        row.set(header.indexOf("track_popularity"), "not-a-number");
        printer.printRecord(row);
      }
    }
  }

  @Test
  void tooManyRejectsFailsAndStillWritesTheRejectReport() throws Exception {
    Path csv = dir.resolve("songs.csv");
    writeRowsWithBadPopularity(csv, 3);
    Path rejects = dir.resolve("bad.tsv");
    CliRun run = CliRun.of("ingest", "--format", "spotify-songs", "--input", csv.toString(), "--out",
        dir.resolve("g.snap").toString(), "--rejects", rejects.toString(), "--max-rejects", "1");
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.errorLines()).isEqualTo(1);
    assertThat(run.err()).contains("more than 1 rejected rows", "listed in " + rejects);
    assertThat(Files.readAllLines(rejects)).anyMatch(l -> l.contains("UNPARSABLE_NUMBER"));
    assertThat(dir.resolve("g.snap")).doesNotExist();
  }
}
