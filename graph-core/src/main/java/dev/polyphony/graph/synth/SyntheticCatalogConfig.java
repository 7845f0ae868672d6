package dev.polyphony.graph.synth;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * Parameters of a {@link SyntheticCatalog}. The defaults ({@link #defaults()}) give a catalog of about
 * ten million edges: 1M tracks, 150k playlists of mean length 45, 100k artists, 200k users with 11
 * listens on average.
 *
 * <p>Release dates fall in {@code [startDate, endDate())}, where {@code endDate = startDate +
 * releaseYears}; a fraction {@code freshTailFraction} of tracks is released in the last {@code
 * freshTailDays} days. Listens are timestamped in {@code [endDate - listenWindowDays, endDate)} and
 * never before the track's release.
 *
 * @param tracks number of tracks, > 0
 * @param playlists number of playlists, >= 0
 * @param creators number of artists, in {@code [genres, tracks]} (every genre has an artist, every
 *     artist a track)
 * @param users number of users, >= 0
 * @param genres number of genres (planted communities), > 0
 * @param seed seed of every random choice; equal seeds give equal catalogs
 * @param meanPlaylistLength mean number of distinct tracks per playlist, in {@code [1, tracks]}
 * @param listensPerUser mean number of distinct tracks a user listened to: 0, or in {@code [1, tracks]}
 * @param releaseYears years spanned by release dates, > 0
 * @param freshTailFraction share of tracks released in the fresh tail, in {@code [0, 1)}
 * @param freshTailDays length of the fresh tail in days, > 0 and shorter than the release span
 * @param startDate first release date
 * @param listenWindowDays days before {@code endDate()} in which listens happen, > 0
 * @param playlistGenreFocus probability that a playlist (or user) draws a track from its own genre
 *     rather than from the whole catalog, in {@code [0, 1]}
 * @param trendingFraction share of tracks whose engagement grows towards the end of the window, in
 *     {@code [0, 1]}
 */
public record SyntheticCatalogConfig(
    int tracks,
    int playlists,
    int creators,
    int users,
    int genres,
    long seed,
    double meanPlaylistLength,
    double listensPerUser,
    int releaseYears,
    double freshTailFraction,
    int freshTailDays,
    LocalDate startDate,
    int listenWindowDays,
    double playlistGenreFocus,
    double trendingFraction) {
  private static final long DAY_MILLIS = 86_400_000L;

  public SyntheticCatalogConfig {
    requirePositive("tracks", tracks);
    requireNonNegative("playlists", playlists);
    requirePositive("genres", genres);
    if (creators < genres || creators > tracks) {
      throw new IllegalArgumentException("creators must be in [genres, tracks] = [" + genres + ", " + tracks
          + "] (got " + creators + ")");
    }
    requireNonNegative("users", users);
    if (!(meanPlaylistLength >= 1 && meanPlaylistLength <= tracks)) {
      throw new IllegalArgumentException("meanPlaylistLength must be in [1, tracks = " + tracks + "] (got "
          + meanPlaylistLength + ")");
    }
    if (playlists * meanPlaylistLength > Integer.MAX_VALUE / 2) {
      throw new IllegalArgumentException("playlists * meanPlaylistLength must stay below "
          + Integer.MAX_VALUE / 2 + " edges (got " + (long) (playlists * meanPlaylistLength) + ")");
    }
    if (!(listensPerUser == 0 || listensPerUser >= 1 && listensPerUser <= tracks)) {
      throw new IllegalArgumentException("listensPerUser must be 0 or in [1, tracks = " + tracks + "] (got "
          + listensPerUser + ")");
    }
    if (users * listensPerUser > Integer.MAX_VALUE / 2) {
      throw new IllegalArgumentException("users * listensPerUser must stay below " + Integer.MAX_VALUE / 2
          + " edges (got " + (long) (users * listensPerUser) + ")");
    }
    requirePositive("releaseYears", releaseYears);
    requireFraction("freshTailFraction", freshTailFraction, false);
    Objects.requireNonNull(startDate, "startDate");
    long spanDays = ChronoUnit.DAYS.between(startDate, startDate.plusYears(releaseYears));
    if (freshTailDays <= 0 || freshTailDays >= spanDays) {
      throw new IllegalArgumentException("freshTailDays must be in [1, " + (spanDays - 1) + "] (got "
          + freshTailDays + ")");
    }
    requirePositive("listenWindowDays", listenWindowDays);
    requireFraction("playlistGenreFocus", playlistGenreFocus, true);
    requireFraction("trendingFraction", trendingFraction, true);
  }

  /** The ten-million-edge default catalog with seed 42. */
  public static SyntheticCatalogConfig defaults() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** A builder starting from this configuration. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** The day after the last possible release date (exclusive end of the release span). */
  public LocalDate endDate() {
    return startDate.plusYears(releaseYears);
  }

  /**
   * Start (epoch milliseconds, inclusive) of the window in which listens are timestamped: {@code
   * listenWindowDays} before {@link #endDate()}, but not before {@code startDate}.
   */
  public long listenWindowStartMillis() {
    long endDay = endDate().toEpochDay();
    return Math.max(startDate.toEpochDay(), endDay - listenWindowDays) * DAY_MILLIS;
  }

  /** End (epoch milliseconds, exclusive) of the listen window: the start of {@link #endDate()} in UTC. */
  public long listenWindowEndMillis() {
    return endDate().toEpochDay() * DAY_MILLIS;
  }

  /** Expected number of playlist-track edges. */
  public long expectedPlaylistEdges() {
    return Math.round(playlists * meanPlaylistLength);
  }

  /** Expected number of user-track edges. */
  public long expectedListenEdges() {
    return Math.round(users * listensPerUser);
  }

  /** Expected number of edges of all relations (one {@code by_artist} edge per track). */
  public long expectedEdges() {
    return expectedPlaylistEdges() + tracks + expectedListenEdges();
  }

  private static void requirePositive(String name, int value) {
    if (value <= 0) {
      throw new IllegalArgumentException(name + " must be > 0 (got " + value + ")");
    }
  }

  private static void requireNonNegative(String name, int value) {
    if (value < 0) {
      throw new IllegalArgumentException(name + " must be >= 0 (got " + value + ")");
    }
  }

  private static void requireFraction(String name, double value, boolean oneAllowed) {
    if (!(value >= 0 && (oneAllowed ? value <= 1 : value < 1))) {
      throw new IllegalArgumentException(name + " must be in [0, 1" + (oneAllowed ? "]" : ")") + " (got "
          + value + ")");
    }
  }

  /** Mutable builder with the defaults of {@link #defaults()}; {@link #build()} validates. */
  public static final class Builder {
    private int tracks = 1_000_000;
    private int playlists = 150_000;
    private int creators = 100_000;
    private int users = 200_000;
    private int genres = 24;
    private long seed = 42;
    private double meanPlaylistLength = 45;
    private double listensPerUser = 11;
    private int releaseYears = 20;
    private double freshTailFraction = 0.02;
    private int freshTailDays = 28;
    private LocalDate startDate = LocalDate.of(2005, 1, 1);
    private int listenWindowDays = 90;
    private double playlistGenreFocus = 0.8;
    private double trendingFraction = 0.005;

    private Builder() {}

    private Builder(SyntheticCatalogConfig c) {
      tracks = c.tracks;
      playlists = c.playlists;
      creators = c.creators;
      users = c.users;
      genres = c.genres;
      seed = c.seed;
      meanPlaylistLength = c.meanPlaylistLength;
      listensPerUser = c.listensPerUser;
      releaseYears = c.releaseYears;
      freshTailFraction = c.freshTailFraction;
      freshTailDays = c.freshTailDays;
      startDate = c.startDate;
      listenWindowDays = c.listenWindowDays;
      playlistGenreFocus = c.playlistGenreFocus;
      trendingFraction = c.trendingFraction;
    }

    public Builder tracks(int v) {
      tracks = v;
      return this;
    }

    public Builder playlists(int v) {
      playlists = v;
      return this;
    }

    public Builder creators(int v) {
      creators = v;
      return this;
    }

    public Builder users(int v) {
      users = v;
      return this;
    }

    public Builder genres(int v) {
      genres = v;
      return this;
    }

    public Builder seed(long v) {
      seed = v;
      return this;
    }

    public Builder meanPlaylistLength(double v) {
      meanPlaylistLength = v;
      return this;
    }

    public Builder listensPerUser(double v) {
      listensPerUser = v;
      return this;
    }

    public Builder releaseYears(int v) {
      releaseYears = v;
      return this;
    }

    public Builder freshTailFraction(double v) {
      freshTailFraction = v;
      return this;
    }

    public Builder freshTailDays(int v) {
      freshTailDays = v;
      return this;
    }

    public Builder startDate(LocalDate v) {
      startDate = v;
      return this;
    }

    public Builder listenWindowDays(int v) {
      listenWindowDays = v;
      return this;
    }

    public Builder playlistGenreFocus(double v) {
      playlistGenreFocus = v;
      return this;
    }

    public Builder trendingFraction(double v) {
      trendingFraction = v;
      return this;
    }

    public SyntheticCatalogConfig build() {
      return new SyntheticCatalogConfig(tracks, playlists, creators, users, genres, seed, meanPlaylistLength,
          listensPerUser, releaseYears, freshTailFraction, freshTailDays, startDate, listenWindowDays,
          playlistGenreFocus, trendingFraction);
    }
  }
}
