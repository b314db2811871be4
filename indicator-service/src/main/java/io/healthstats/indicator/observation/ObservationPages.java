package io.healthstats.indicator.observation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import io.healthstats.indicator.catalogue.Catalogue;
import io.healthstats.indicator.catalogue.Indicator;
import io.healthstats.indicator.region.Region;
import io.healthstats.indicator.region.Regions;
import io.healthstats.indicator.rollup.Cell;
import io.healthstats.indicator.rollup.CellStore;
import io.healthstats.indicator.security.Caller;

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

	private Page scan(Query query, String after, int limit, boolean history) {
		String prefix = query.region() != null ? "" : Caller.prefix(query.subtreeRoot());
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
			.filter(code -> Caller.covers(query.subtreeRoot(), code))
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
