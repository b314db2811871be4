package io.healthstats.indicator.region;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.mongodb.client.model.ReplaceOptions;
import org.bson.Document;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Service;

/**
 * The region tree, kept in memory (a country has a few thousand county-level regions) and persisted
 * in the {@code regions} collection. Read once at start, when the demo tree of DESIGN.md is added if
 * missing; regions change rarely, so each addition swaps in a rebuilt snapshot.
 */
@Service
public class Regions {

	static final String COLLECTION = "regions";

	private final MongoTemplate mongo;
	private volatile Tree tree;

	Regions(MongoTemplate mongo) {
		this.mongo = mongo;
		Map<String, Region> stored = new HashMap<>();
		for (Document doc : mongo.getCollection(COLLECTION).find()) {
			Region region = fromDocument(doc);
			stored.put(region.code(), region);
		}
		for (Region demo : DemoRegions.TREE) {
			if (!stored.containsKey(demo.code())) {
				save(demo);
				stored.put(demo.code(), demo);
			}
		}
		this.tree = Tree.of(stored.values());
	}

	public Optional<Region> find(String code) {
		return Optional.ofNullable(code == null ? null : this.tree.byCode().get(code));
	}

	public List<Region> all() {
		return this.tree.byCode().values().stream().sorted(Comparator.comparing(Region::code)).toList();
	}

	public List<Region> children(String code) {
		return this.tree.children().getOrDefault(code, List.of());
	}

	/** The region's ancestors, nearest first. */
	public List<Region> ancestors(Region region) {
		List<Region> ancestors = new ArrayList<>();
		for (Region r = parentOf(region); r != null; r = parentOf(r)) {
			ancestors.add(r);
		}
		return ancestors;
	}

	public synchronized Region add(Region region) {
		save(region);
		List<Region> regions = new ArrayList<>(this.tree.byCode().values());
		regions.add(region);
		this.tree = Tree.of(regions);
		return region;
	}

	private Region parentOf(Region region) {
		return region.parent() == null ? null : this.tree.byCode().get(region.parent());
	}

	private void save(Region region) {
		Document doc = new Document("_id", region.code()).append("name", region.name())
			.append("nameEn", region.nameEn())
			.append("parent", region.parent());
		this.mongo.getCollection(COLLECTION).replaceOne(new Document("_id", region.code()), doc, new ReplaceOptions().upsert(true));
	}

	private static Region fromDocument(Document doc) {
		String code = doc.getString("_id");
		return new Region(code, doc.getString("name"), doc.getString("nameEn"), doc.getString("parent"), Region.Level.of(code));
	}

	/** An immutable view of the tree: regions by code, and each region's children sorted by code. */
	private record Tree(Map<String, Region> byCode, Map<String, List<Region>> children) {

		static Tree of(Collection<Region> regions) {
			Map<String, Region> byCode = new HashMap<>();
			Map<String, List<Region>> children = new HashMap<>();
			for (Region region : regions) {
				byCode.put(region.code(), region);
				if (region.parent() != null) {
					children.computeIfAbsent(region.parent(), parent -> new ArrayList<>()).add(region);
				}
			}
			children.replaceAll((parent, list) -> list.stream().sorted(Comparator.comparing(Region::code)).toList());
			return new Tree(Map.copyOf(byCode), Map.copyOf(children));
		}

	}

}
