package dev.polyphony.rank.recommend;

import dev.polyphony.rank.fusion.ScoreFusion;
import dev.polyphony.retrieval.candidates.CandidateBlender.GeneratorShare;
import java.util.List;

/**
 * A final list and how it came about.
 *
 * @param target what the list is for, e.g. {@code user 2} or {@code playlist 37i9dQZF1DX}
 * @param head the ranking head's label
 * @param tasks the head's task names, the keys of every entry's task scores
 * @param candidatesScored candidates retrieval proposed and the head scored
 * @param items the best {@code k} by fused score, best first
 * @param shares what each generator contributed to the candidates, in priority order
 * @param fusion the score fusion that ordered the list
 */
public record Recommendation(String target, String head, List<String> tasks, int candidatesScored,
    List<RankedCandidate> items, List<GeneratorShare> shares, ScoreFusion fusion) {
  public Recommendation {
    tasks = List.copyOf(tasks);
    items = List.copyOf(items);
    shares = List.copyOf(shares);
  }
}
