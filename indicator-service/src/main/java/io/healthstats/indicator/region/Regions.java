package io.healthstats.indicator.region;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.bson.Document;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Service;

/**
 * The region tree, kept in memory (a country has a few thousand county-level regions) and persisted
 * in the {@code regions} collection. The demo tree of DESIGN.md is seeded idempotently at start.
 */
@Service
public class Regions {

	static final String COLLECTION = "regions";

	private final MongoTemplate mongo;
	private final Map<String, Region> byCode = new ConcurrentHashMap<>();

	Regions(MongoTemplate mongo) {
		this.mongo = mongo;
		seed();
	}

	public Optional<Region> find(String code) {
		return Optional.ofNullable(code == null ? null : this.byCode.get(code));
	}

	public List<Region> all() {
		return this.byCode.values().stream().sorted(Comparator.comparing(Region::code)).toList();
	}

	public List<Region> children(String code) {
		return this.byCode.values()
			.stream()
			.filter(region -> code.equals(region.parent()))
			.sorted(Comparator.comparing(Region::code))
			.toList();
	}

	/** The region's ancestors, nearest first. */
	public List<Region> ancestors(Region region) {
		List<Region> ancestors = new ArrayList<>();
		for (Region r = parentOf(region); r != null; r = parentOf(r)) {
			ancestors.add(r);
		}
		return ancestors;
	}

	/** The county-level regions of the subtree of {@code code} (the code itself for a county). */
	public List<Region> leaves(String code) {
		Region root = this.byCode.get(code);
		if (root == null) {
			return List.of();
		}
		if (root.isLeaf()) {
			return List.of(root);
		}
		return children(code).stream().flatMap(child -> leaves(child.code()).stream()).toList();
	}

	public Region add(Region region) {
		this.mongo.getCollection(COLLECTION).replaceOne(new Document("_id", region.code()), toDocument(region),
				new com.mongodb.client.model.ReplaceOptions().upsert(true));
		this.byCode.put(region.code(), region);
		return region;
	}

	/** Picks up regions added by other replicas. */
	@EventListener(ApplicationReadyEvent.class)
	public void reload() {
		for (Document doc : this.mongo.getCollection(COLLECTION).find()) {
			Region region = new Region(doc.getString("_id"), doc.getString("name"), doc.getString("nameEn"),
					doc.getString("parent"), Region.Level.of(doc.getString("_id")));
			this.byCode.put(region.code(), region);
		}
	}

	private Region parentOf(Region region) {
		return region.parent() == null ? null : this.byCode.get(region.parent());
	}

	private void seed() {
		for (Region region : DemoRegions.TREE) {
			if (this.mongo.getCollection(COLLECTION).find(new Document("_id", region.code())).first() == null) {
				add(region);
			}
		}
		reload();
	}

	private static Document toDocument(Region region) {
		return new Document("_id", region.code()).append("name", region.name())
			.append("nameEn", region.nameEn())
			.append("parent", region.parent());
	}

}
