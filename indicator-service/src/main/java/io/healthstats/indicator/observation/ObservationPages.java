package io.healthstats.indicator.observation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;

import io.healthstats.indicator.catalogue.Catalogue;
import io.healthstats.indicator.catalogue.Indicator;
import io.healthstats.indicator.region.Region;
import io.healthstats.indicator.region.Regions;
import io.healthstats.indicator.rollup.Cell;
import io.healthstats.indicator.rollup.CellStore;
import io.healthstats.indicator.rollup.CellStore.ReportedFigures;
import io.healthstats.indicator.rollup.Revision;
import io.healthstats.web.RegionScope;

import org.springframework.stereotype.Component;

/**
 * Raw observations page by page in key order ({@code INDICATOR|REGION|PERIOD}, the cells' {@code _id}),
 * each page continuing strictly after the key the previous one ended with (keyset paging: no offset,
 * so page 1000 costs what page 1 costs, and rows written meanwhile never shift a page).
 *
 * <p>When the periods are bounded, the keys a query can match are a known, ordered set — indicators ×
 * regions × periods — so a page looks them up by {@code _id} in chunks instead of scanning: the local
 * store ignores every index but {@code _id}'s. Without a period bound the page is a range query on
 * {@code _id}, which MongoDB answers from its index and the local store by a scan.
 */
@Component
class ObservationPages {

	static final int DEFAULT_LIMIT = 1000;

	static final int MAX_LIMIT = 50_000;

	/** Keys one page looks up at most before it answers with fewer rows (sparse data) and a cursor. */
	static final int MAX_EXAMINED = 400_000;

	private static final int MAX_CHUNK = MAX_LIMIT;

	/** Keys a streamed read looks up per chunk: ~1,000 keys, a few hundred rows, 40 lookups. */
	static final int STREAM_KEYS = 1000;

	/** Rows a streamed read without a period bound asks for per range query (a scan each on the local store). */
	static final int STREAM_SCAN_ROWS = 10_000;

	private final CellStore cells;
	private final Catalogue catalogue;
	private final Regions regions;

	ObservationPages(CellStore cells, Catalogue catalogue, Regions regions) {
		this.cells = cells;
		this.catalogue = catalogue;
		this.regions = regions;
	}

	/**
	 * What to read.
	 * @param indicators codes; empty for the whole catalogue
	 * @param region exactly this region, or null
	 * @param subtreeRoot every region of this one's subtree (the caller's region when nothing narrower is asked)
	 * @param periods period ids, or null for every period
	 */
	record Query(List<String> indicators, String region, String subtreeRoot, List<String> periods) {
	}

	/** @param next the key to continue after, or null on the last page */
	record Page(List<Cell> cells, String next) {
	}

	Page page(Query query, String after, int limit, boolean history) {
		if (query.periods() == null) {
			return scan(query, after, limit, history);
		}
		return lookUp(new KeySpace(indicators(query), regions(query), query.periods().stream().sorted().toList()), after, limit,
				history);
	}

	/**
	 * The rows of a streamed read, chunk after chunk in key order: whatever the selection's size, a chunk
	 * holds at most {@link #STREAM_KEYS} keys' rows (or {@link #STREAM_SCAN_ROWS} without a period
	 * bound), so memory stays bounded by the chunks being read and written.
	 */
	interface Chunks {

		/**
		 * The read of the next chunk (its rows in key order; none when its keys hold no data), to be run on
		 * any thread; null after the last. Called from one thread, in order.
		 */
		Supplier<List<ReportedFigures>> next();

		/**
		 * Whether the reads of several chunks may run at the same time (each knows its keys); without a
		 * period bound a chunk starts where the previous one ended, so it is read only after it.
		 */
		boolean concurrent();

	}

	/** The rows after {@code after} (null: from the start) as {@link Chunks}; the latest revision only. */
	Chunks chunks(Query query, String after) {
		if (query.periods() == null) {
			return scanChunks(query, after);
		}
		KeySpace keys = new KeySpace(indicators(query), regions(query), query.periods().stream().sorted().toList());
		long[] position = { after == null ? 0 : keys.firstAfter(after) };
		return new Chunks() {

			@Override
			public Supplier<List<ReportedFigures>> next() {
				if (position[0] >= keys.size()) {
					return null;
				}
				int n = (int) Math.min(STREAM_KEYS, keys.size() - position[0]);
				List<String> batch = keys.slice(position[0], n);
				position[0] += n;
				return () -> ObservationPages.this.cells.reportedFiguresAmong(batch);
			}

			@Override
			public boolean concurrent() {
				return true;
			}

		};
	}

	private Chunks scanChunks(Query query, String after) {
		String prefix = query.region() != null ? "" : RegionScope.prefix(query.subtreeRoot());
		String[] cursor = { after };
		boolean[] done = { false };
		return new Chunks() {

			@Override
			public Supplier<List<ReportedFigures>> next() {
				if (done[0]) {
					return null;
				}
				return () -> {
					List<Cell> found = ObservationPages.this.cells.reportedAfter(cursor[0], query.indicators(), query.region(),
							prefix, null, STREAM_SCAN_ROWS, false);
					done[0] = found.size() < STREAM_SCAN_ROWS;
					if (!found.isEmpty()) {
						cursor[0] = found.get(found.size() - 1).key();
					}
					return found.stream().map(ObservationPages::figures).toList();
				};
			}

			@Override
			public boolean concurrent() {
				return false;
			}

		};
	}

	private static ReportedFigures figures(Cell cell) {
		Revision r = cell.reportedRevision();
		return new ReportedFigures(cell.key(), plain(r.value()), plain(r.numerator()), plain(r.denominator()));
	}

	private static String plain(BigDecimal number) {
		return number == null ? null : number.toPlainString();
	}

	private Page scan(Query query, String after, int limit, boolean history) {
		String prefix = query.region() != null ? "" : RegionScope.prefix(query.subtreeRoot());
		List<Cell> found = this.cells.reportedAfter(after, query.indicators(), query.region(), prefix, null, limit + 1, history);
		if (found.size() <= limit) {
			return new Page(found, null);
		}
		List<Cell> page = found.subList(0, limit);
		return new Page(List.copyOf(page), page.get(limit - 1).key());
	}

	private Page lookUp(KeySpace keys, String after, int limit, boolean history) {
		long position = after == null ? 0 : keys.firstAfter(after);
		List<Cell> page = new ArrayList<>();
		long examined = 0;
		int chunk = limit;
		String lastExamined = null;
		while (page.size() < limit && position < keys.size() && examined < MAX_EXAMINED) {
			int n = (int) Math.min(chunk, keys.size() - position);
			List<String> batch = keys.slice(position, n);
			position += n;
			examined += n;
			lastExamined = batch.get(n - 1);
			List<Cell> found = this.cells.reportedAmong(batch, history);
			int room = limit - page.size();
			if (found.size() > room) {
				page.addAll(found.subList(0, room));
				return new Page(page, page.get(limit - 1).key());
			}
			page.addAll(found);
			chunk = nextChunk(limit - page.size(), page.size(), examined, chunk);
		}
		if (position >= keys.size()) {
			return new Page(page, null);
		}
		return new Page(page, page.size() == limit ? page.get(limit - 1).key() : lastExamined);
	}

	/**
	 * How many keys to look up next for {@code remaining} more rows: as many as the density met so far
	 * suggests (plus a tenth), so that sparse data needs few lookups and dense data loads few documents
	 * only to drop them; twice the last chunk while nothing was found.
	 */
	static int nextChunk(int remaining, int found, long examined, int last) {
		if (found == 0) {
			return Math.min(MAX_CHUNK, last * 2);
		}
		double keysPerRow = (double) examined / found;
		return (int) Math.min(MAX_CHUNK, Math.max(remaining, Math.ceil(remaining * keysPerRow * 1.1)));
	}

	private List<String> indicators(Query query) {
		List<String> codes = query.indicators().isEmpty() ? this.catalogue.all().stream().map(Indicator::code).toList()
				: query.indicators();
		// keys compare as "CODE|…": BIRTHS_X sorts before BIRTHS| although BIRTHS < BIRTHS_X
		return codes.stream().distinct().sorted(Comparator.comparing(code -> code + "|")).toList();
	}

	private List<String> regions(Query query) {
		if (query.region() != null) {
			return List.of(query.region());
		}
		return this.regions.all()
			.stream()
			.map(Region::code)
			.filter(code -> RegionScope.covers(query.subtreeRoot(), code))
			.sorted()
			.toList();
	}

	/**
	 * Every key indicators × regions × periods can form, as one sorted virtual list: each dimension is
	 * sorted the way it compares inside a key, and region codes all have six digits.
	 */
	record KeySpace(List<String> indicators, List<String> regions, List<String> periods) {

		long size() {
			return (long) this.indicators.size() * this.regions.size() * this.periods.size();
		}

		String key(long index) {
			int perRegion = this.periods.size();
			long perIndicator = (long) this.regions.size() * perRegion;
			return Cell.key(this.indicators.get((int) (index / perIndicator)),
					this.regions.get((int) (index / perRegion % this.regions.size())), this.periods.get((int) (index % perRegion)));
		}

		/** The position of the first key greater than {@code after}. */
		long firstAfter(String after) {
			long low = 0;
			long high = size();
			while (low < high) {
				long middle = (low + high) >>> 1;
				if (key(middle).compareTo(after) <= 0) {
					low = middle + 1;
				}
				else {
					high = middle;
				}
			}
			return low;
		}

		List<String> slice(long from, int count) {
			List<String> keys = new ArrayList<>(count);
			for (long i = from; i < from + count; i++) {
				keys.add(key(i));
			}
			return keys;
		}

	}

}
