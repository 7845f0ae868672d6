package dev.polyphony.rank.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SessionLogTest {
  @TempDir
  Path dir;

  @Test
  void roundTripsThroughJsonLines() throws IOException {
    SessionWorldConfig world = new SessionWorldConfig(200, 20, 4, 4, 20, 5, 5, 0.7, 0.2, 0.3, 0.8, -2.5, -2.5, 1);
    SessionSimulator simulator = new SessionSimulator(SessionWorld.generate(world),
        new SatisfactionModel(SatisfactionConfig.defaults()));
    SessionLog log = simulator.run(new BehaviourPolicy(FusionActions.defaults(), FusionActions.PRODUCT, 0.5), 10, 3)
        .log();
    Path file = dir.resolve("sessions.jsonl");

    log.write(file);
    SessionLog read = SessionLog.read(file);

    assertThat(read.actions()).isEqualTo(log.actions());
    assertThat(read.features()).isEqualTo(log.features());
    assertThat(read.transitions()).hasSameSizeAs(log.transitions());
    for (int i = 0; i < log.transitions().size(); i++) {
      Transition a = log.transitions().get(i);
      Transition b = read.transitions().get(i);
      assertThat(b.state()).containsExactly(a.state());
      assertThat(b.behaviour()).containsExactly(a.behaviour());
      assertThat(b.nextState()).containsExactly(a.nextState());
      assertThat(List.of(b.session(), b.step(), b.action(), b.clicks(), b.terminal()))
          .isEqualTo(List.of(a.session(), a.step(), a.action(), a.clicks(), a.terminal()));
      assertThat(b.reward()).isEqualTo(a.reward());
    }
    assertThat(Files.list(dir)).hasSize(1);  // no temporary file left behind
  }

  @Test
  void namesTheFileAndLineOfABadRecord() throws IOException {
    Path file = dir.resolve("bad.jsonl");
    Files.writeString(file, "{\"actions\":[{\"taskWeights\":[1,1],\"traitWeights\":{},\"diversity\":0}],"
        + "\"features\":[\"bias\"]}\n{\"session\":0,\"user\":0,\"step\":0,\"state\":[1],\"action\":0,"
        + "\"behaviour\":[0],\"reward\":1,\"clicks\":1,\"saves\":0,\"shown\":5,\"terminal\":true,\"nextState\":[]}\n");

    assertThatThrownBy(() -> SessionLog.read(file)).isInstanceOf(IOException.class)
        .hasMessage(file + ":2: the behaviour policy's propensity of the action taken must be > 0 (got 0.0 for action 0)");
  }
}
