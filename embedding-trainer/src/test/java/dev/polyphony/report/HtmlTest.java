package dev.polyphony.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class HtmlTest {
  @Test
  void escapesTheFiveSpecialCharacters() {
    assertThat(Html.escape("<a href=\"x\">R&B 'n' soul</a>"))
        .isEqualTo("&lt;a href=&quot;x&quot;&gt;R&amp;B &#39;n&#39; soul&lt;/a&gt;");
    assertThat(Html.escape("plain ü")).isEqualTo("plain ü");
  }

  @Test
  void tablesEscapeCellsAndAlignNumbersRight() {
    assertThat(Html.table(List.of("name", "n"), List.of(List.of("<b>", "1")), 1)).isEqualTo("""
        <table>
        <thead><tr><th>name</th><th class="num">n</th></tr></thead>
        <tbody>
        <tr><td>&lt;b&gt;</td><td class="num">1</td></tr>
        </tbody>
        </table>
        """);
  }

  @Test
  void formatsNumbersForTables() {
    assertThat(Html.number(0)).isEqualTo("0");
    assertThat(Html.number(0.21)).isEqualTo("0.2100");
    assertThat(Html.number(0.0005)).isEqualTo("5.000e-04");
    assertThat(Html.number(123456)).isEqualTo("1.235e+05");
    assertThat(Html.count(1234567)).isEqualTo("1,234,567");
    assertThat(Html.percent(0.1234)).isEqualTo("12.3%");
  }
}
