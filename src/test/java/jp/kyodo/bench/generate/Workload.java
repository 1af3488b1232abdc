package jp.kyodo.bench.generate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import jp.kyodo.bench.generate.Vocabulary.Place;
import jp.kyodo.bench.generate.Vocabulary.Rare;
import jp.kyodo.bench.generate.Vocabulary.Topic;
import jp.kyodo.bench.generate.Vocabulary.Word;

/**
 * The search workload for the benchmark: 1,000 queries of the directory API ({@code queries.tsv}: q, type, field,
 * area) and a labelled subset ({@code labels.tsv}: the same and the registration numbers of the listed groups a
 * person typing the query wants). The labels come from what the generator planted (rare words and small places in a
 * known few groups' names and activities), never from running a search.
 */
final class Workload {

    static final int QUERIES = 1000;

    /** One query of the directory API; empty strings for the parameters not used. */
    record Query(String q, String type, String field, String area) {

        String line() {
            return q + "\t" + type + "\t" + field + "\t" + area;
        }
    }

    /** A query and the registration numbers of the groups it should find. */
    record Label(Query query, Set<String> expected) {
    }

    private final World world;
    private final Registry registry;
    private final SplittableRandom random;

    Workload(World world, Registry registry) {
        this.world = world;
        this.registry = registry;
        this.random = world.random("workload");
    }

    List<Label> labels() {
        List<Label> out = new ArrayList<>();
        for (int r = 0; r < Vocabulary.RARE.size(); r++) {
            Rare rare = Vocabulary.RARE.get(r);
            List<Integer> groups = planted("rare", r);
            add(out, new Query(rare.text(), "", "", ""), groups);
            add(out, new Query(rare.word().hiragana(), "", "", ""), groups);
            if (r % 2 == 0) {
                add(out, new Query(rare.kana(), "", "", ""), groups);
            }
            if (!groups.isEmpty()) {
                // The same word with a filter a person would add: the type, or the area, of one of those groups.
                int g = groups.get(0);
                String type = world.groupType[g];
                add(out, new Query(rare.text(), type, "", ""), groups.stream().filter(x -> world.groupType[x].equals(type)).toList());
                String area = world.groupArea[g];
                if (r % 3 == 0) {
                    add(out, new Query(rare.word().hiragana(), "", "", area), groups.stream().filter(x -> world.groupArea[x].equals(area)).toList());
                }
            }
        }
        for (int p = 0; p < Vocabulary.SMALL_PLACES.size(); p++) {
            Place place = Vocabulary.SMALL_PLACES.get(p);
            List<Integer> groups = planted("place", p);
            add(out, new Query(place.text(), "", "", ""), groups);
            add(out, new Query(place.word().hiragana(), "", "", ""), groups);
            if (!groups.isEmpty()) {
                // A small place with a topic: the groups of that place working on it.
                String topic = topicOf(groups.get(0));
                Topic t = Vocabulary.TOPICS.stream().filter(x -> x.word().equals(topic)).findFirst().orElseThrow();
                List<Integer> both = groups.stream().filter(x -> topicOf(x).equals(topic)).toList();
                add(out, new Query(place.text() + " " + topic, "", "", ""), both);
                if (p % 2 == 0) {
                    add(out, new Query(place.word().hiragana() + " " + Vocabulary.hiragana(t.kana()), "", "", ""), both);
                }
                if (p % 3 == 1) {
                    add(out, new Query(place.text(), "", t.field(), ""), both);
                }
            }
        }
        return out;
    }

    private String topicOf(int group) {
        return registry.planted.stream().filter(x -> x.group() == group).findFirst().orElseThrow().topicWord();
    }

    private List<Integer> planted(String kind, int index) {
        return registry.planted.stream().filter(x -> x.kind().equals(kind) && x.index() == index).map(Registry.Planted::group).toList();
    }

    /** Keeps a label whose expected groups are in the public directory: 1 to 50 of them. */
    private void add(List<Label> out, Query q, List<Integer> groups) {
        Set<String> expected = new TreeSet<>();
        for (int g : groups) {
            if (world.groupListed[g]) {
                expected.add(world.groupNumber[g]);
            }
        }
        if (!expected.isEmpty() && expected.size() <= 50) {
            out.add(new Label(q, expected));
        }
    }

    /** The labelled queries and a realistic mix of others, 1,000 in all, in a seeded order. */
    List<Query> queries(List<Label> labels) {
        Set<Query> pool = new LinkedHashSet<>();
        List<String[]> areas = world.areas;
        for (Topic t : Vocabulary.TOPICS) {
            pool.add(q(t.word()));
            pool.add(q(Vocabulary.hiragana(t.kana())));
            pool.add(q(t.kana()));
            for (Word stem : t.stems()) {
                pool.add(q(stem.text()));
                pool.add(q(stem.hiragana()));
            }
            for (String[] a : areas) {
                pool.add(new Query(t.word(), "", "", a[0]));
            }
            pool.add(new Query(t.word(), "", t.field(), ""));
            pool.add(new Query(t.word(), "CIVIC", "", ""));
            pool.add(new Query(t.word(), "COMMUNITY", "", ""));
            pool.add(new Query(Vocabulary.hiragana(t.kana()), "CIVIC", t.field(), ""));
            for (Place place : Vocabulary.PLACES) {
                pool.add(q(place.text() + " " + t.word()));
                pool.add(q(place.word().hiragana() + " " + Vocabulary.hiragana(t.kana())));
            }
            pool.add(q(t.word() + " ボランティア"));
            pool.add(q(t.word() + " 募集"));
        }
        for (Place place : Vocabulary.PLACES) {
            pool.add(q(place.text()));
            pool.add(q(place.word().hiragana()));
            pool.add(new Query(place.text(), "", "", place.area()));
        }
        for (Word nick : Vocabulary.NICKNAMES) {
            pool.add(q(nick.text()));
        }
        pool.add(q("NPO"));
        pool.add(q("特定非営利活動法人"));
        pool.add(q("自治会"));
        pool.add(q("じちかい"));
        pool.add(q("社会福祉法人"));
        pool.add(q("株式会社"));
        List<Query> out = new ArrayList<>();
        for (Label l : labels) {
            if (out.size() < QUERIES && !out.contains(l.query())) {
                out.add(l.query());
            }
        }
        List<Query> rest = new ArrayList<>(pool);
        rest.removeAll(out);
        for (int i = rest.size() - 1; i > 0; i--) {
            Collections.swap(rest, i, random.nextInt(i + 1));
        }
        for (int i = 0; out.size() < QUERIES; i++) {
            // The pool is larger than needed; should it not be, queries repeat, as they do in a real log.
            out.add(rest.get(i % rest.size()));
        }
        for (int i = out.size() - 1; i > 0; i--) {
            Collections.swap(out, i, random.nextInt(i + 1));
        }
        return out;
    }

    private static Query q(String text) {
        return new Query(text, "", "", "");
    }

    void write(Path dir) throws IOException {
        List<Label> labels = labels();
        List<Query> queries = queries(labels);
        List<String> lines = queries.stream().map(Query::line).toList();
        Files.write(dir.resolve("queries.tsv"), lines, StandardCharsets.UTF_8);
        List<String> labelLines = labels.stream().map(l -> l.query().line() + "\t" + String.join(",", l.expected())).toList();
        Files.write(dir.resolve("labels.tsv"), labelLines, StandardCharsets.UTF_8);
        labelCount = labels.size();
    }

    /** How many labelled queries {@link #write} wrote. */
    int labelCount;
}
