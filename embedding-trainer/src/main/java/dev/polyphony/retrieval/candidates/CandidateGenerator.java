package dev.polyphony.retrieval.candidates;

import java.util.List;

/**
 * Proposes tracks for a {@link CandidateRequest}.
 *
 * <p>Contract: {@link #generate} returns at most {@code k} candidates, best first, with distinct rows,
 * none of them the seed track, a track of the request's playlist or an excluded id; each carries one
 * {@link Reason} from this generator. It returns fewer than {@code k} only when fewer tracks qualify.
 * The same catalog and request give the same list. A request the generator cannot serve (a missing
 * seed track, an unknown playlist, a catalog without the attribute it needs) is an
 * {@link IllegalArgumentException} naming what is missing. Safe to call from several threads.
 */
public interface CandidateGenerator {
  /** The name reasons and reports use, e.g. {@code "fresh"}. */
  String name();

  /** Up to {@code k} candidates for {@code request}; {@code k > 0}. */
  List<Candidate> generate(CandidateRequest request, int k);
}
