package hearth.node.blocks.subscriptions;

import hearth.federation.blocklist.Consensus;
import hearth.federation.blocklist.Decision;
import hearth.federation.blocklist.DomainBlock;
import hearth.federation.blocklist.Guard;
import hearth.federation.blocklist.SourceEntries;
import hearth.federation.blocklist.Threshold;
import hearth.node.moderation.ModLog;
import hearth.node.store.Database;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Turns the sources' current entries into blocks: what enough trusted sources agree on is applied
 * (unless a guard holds it), what lost its support is lifted, the rest waits for review. A block
 * a moderator made, changed or lifted by hand is hers and is never touched; a review she rejected
 * is not asked again unless the sources come to propose something harsher.
 * Not thread-safe: {@link Subscriptions} runs one at a time.
 */
final class Reconciler {

    private final Database db;
    private final AppliedBlocks blocks;
    private final String ownHost;
    private final Supplier<? extends Collection<String>> partners;

    Reconciler(Database db, AppliedBlocks blocks, String ownHost, Supplier<? extends Collection<String>> partners) {
        this.db = db;
        this.blocks = blocks;
        this.ownHost = ownHost;
        this.partners = partners;
    }

    /** Weighs every source but {@code leaving} (being removed) and acts on the result. */
    void run(Set<String> leaving, long now) {
        State s = db.read(c -> new State(SourceStore.sources(c), SourceStore.entries(c), SourceStore.policy(c),
                Ledger.applied(c), new HashMap<>(Ledger.latestByDomain(c))));
        Map<String, DomainBlock> current = new HashMap<>(blocks.current());
        List<SourceEntries> weighed = new ArrayList<>();
        for (Source source : s.sources) {
            if (!leaving.contains(source.id())) {
                weighed.add(new SourceEntries(source.id(), source.trust(), s.entries.getOrDefault(source.id(), Map.of())));
            }
        }
        List<Decision> decisions = weighed.isEmpty() ? List.of()
                : Consensus.decide(weighed, s.policy.threshold(), s.policy.merge());
        Map<String, Decision> byDomain = new HashMap<>();
        decisions.forEach(d -> byDomain.put(d.domain(), d));

        Map<String, Ledger.Applied> applied = new HashMap<>(s.applied);
        handOver(s, applied, current, now);
        liftUnsupported(applied, current, byDomain, s, now);

        List<Decision> fresh = new ArrayList<>();
        for (Decision d : decisions) {
            Ledger.Applied mine = applied.get(d.domain());
            if (mine != null) {
                follow(mine, d, current, now);
            } else if (d.agreed() && !current.containsKey(d.domain()) && !declined(s, d)) {
                List<String> reasons = Guard.reasonsToHold(d, ownHost, partners.get());
                if (reasons.isEmpty()) {
                    fresh.add(d);
                } else {
                    hold(s, d, String.join("; ", reasons), now);
                }
            }
        }
        if (Guard.tooMany(fresh.size(), s.policy.maxNewBlocks())) {
            String reason = "this refresh would add " + fresh.size() + " new blocks; at most "
                    + s.policy.maxNewBlocks() + " are applied without review";
            fresh.forEach(d -> hold(s, d, reason, now));
        } else {
            for (Decision d : fresh) {
                apply(d.merged(), d.sources(), false, null, now);
                current.put(d.domain(), d.merged());
            }
        }
        for (Decision d : decisions) {
            if (!d.agreed() && !current.containsKey(d.domain()) && !declined(s, d)) {
                hold(s, d, notAgreed(s, d, weighed), now);
            }
        }
        withdrawSettled(s, byDomain, current, now);
        // Held entries and withdrawals are written together: a first fetch of a long list may hold thousands.
        db.write(c -> {
            for (Step step : s.steps) {
                step.run(c);
            }
            return null;
        });
    }

    /** One write kept for the run's closing transaction. */
    @FunctionalInterface
    private interface Step {
        void run(java.sql.Connection c) throws java.sql.SQLException;
    }

    /** Applies a block and records which sources caused it. */
    void apply(DomainBlock block, Collection<String> sources, boolean approved, String moderatorId, long now) {
        // The block first: if the process stops in between, the block stands as a hand-made one
        // (kept) rather than provenance without a block (taken for a moderator's lift).
        blocks.put(block, moderatorId);
        String by = labels(sources);
        db.write(c -> {
            Ledger.setProvenance(c, block, sources, approved, now);
            // The block's own log line says what was blocked; this one says which lists asked for it.
            ModLog.record(c, now, null, "blocklist-applied", (approved ? "approved after review; listed by " : "listed by ")
                    + by, target(block), moderatorId);
            return null;
        });
    }

    private String labels(Collection<String> sourceIds) {
        return db.read(c -> {
            Map<String, String> names = new HashMap<>();
            SourceStore.sources(c).forEach(x -> names.put(x.id(), x.label()));
            return String.join(", ", sourceIds.stream().map(id -> names.getOrDefault(id, "a removed source")).toList());
        });
    }

    /** Provenance of blocks a moderator has since changed or lifted is dropped: they are hers now. */
    private void handOver(State s, Map<String, Ledger.Applied> applied, Map<String, DomainBlock> current, long now) {
        for (Ledger.Applied a : List.copyOf(applied.values())) {
            DomainBlock present = current.get(a.domain());
            if (present != null && a.matches(present)) {
                continue;
            }
            applied.remove(a.domain());
            Review answer = db.write(c -> {
                Ledger.forget(c, a.domain());
                if (present == null) {
                    // She lifted it: remember that as her answer, so the next refresh does not re-apply it.
                    DomainBlock lifted = new DomainBlock(a.domain(), a.severity(), a.rejectMedia(), a.rejectReports(),
                            "", "", false);
                    String id = Ledger.insertReview(c, lifted, a.sources(), "lifted by a moderator",
                            Review.State.REJECTED, now);
                    return new Review(id, lifted, List.copyOf(a.sources()), "lifted by a moderator", now,
                            Review.State.REJECTED);
                }
                return null;
            });
            if (answer != null) {
                s.reviews.put(a.domain(), answer);
            }
        }
    }

    /** Lifts what the sources no longer support: automatic blocks below the threshold, approved ones no source lists. */
    private void liftUnsupported(Map<String, Ledger.Applied> applied, Map<String, DomainBlock> current,
                                 Map<String, Decision> byDomain, State s, long now) {
        for (Ledger.Applied a : List.copyOf(applied.values())) {
            Decision d = byDomain.get(a.domain());
            Set<String> still = new LinkedHashSet<>(a.sources());
            still.retainAll(d == null ? Set.of() : Set.copyOf(d.sources()));
            boolean supported = a.approved() ? !still.isEmpty() : d != null && d.agreed();
            if (supported) {
                continue;
            }
            Set<String> gone = new LinkedHashSet<>(a.sources());
            gone.removeAll(still);
            String reason = "retracted by " + s.labels(gone.isEmpty() ? a.sources() : gone);
            blocks.lift(a.domain(), reason);
            db.write(c -> {
                Ledger.forget(c, a.domain());
                return null;
            });
            applied.remove(a.domain());
            current.remove(a.domain());
        }
    }

    /** An applied block follows its sources: a new merged form is applied, a new set of sources recorded. */
    private void follow(Ledger.Applied mine, Decision d, Map<String, DomainBlock> current, long now) {
        if (mine.approved()) {
            Set<String> still = new LinkedHashSet<>(mine.sources());
            still.retainAll(Set.copyOf(d.sources()));
            if (!still.equals(mine.sources())) {
                db.write(c -> {
                    Ledger.setProvenance(c, current.get(d.domain()), still, true, now);
                    return null;
                });
            }
            return;
        }
        if (!mine.matches(d.merged())) {
            apply(d.merged(), d.sources(), false, null, now);
            current.put(d.domain(), d.merged());
        } else if (!mine.sources().equals(new LinkedHashSet<>(d.sources()))) {
            db.write(c -> {
                Ledger.setProvenance(c, current.get(d.domain()), d.sources(), false, now);
                return null;
            });
        }
    }

    /** Holds a decision for review, once: a waiting review is brought up to date instead. */
    private void hold(State s, Decision d, String reason, long now) {
        Review latest = s.reviews.get(d.domain());
        s.steps.add(c -> {
            if (latest != null && latest.state() == Review.State.PENDING) {
                Ledger.updatePending(c, latest.id(), d.merged(), d.sources(), reason);
            } else {
                Ledger.insertReview(c, d.merged(), d.sources(), reason, Review.State.PENDING, now);
                ModLog.record(c, now, null, "blocklist-held", reason, target(d.merged()), null);
            }
        });
    }

    /** True if a moderator already said no to this domain at this severity or harsher. */
    private static boolean declined(State s, Decision d) {
        Review latest = s.reviews.get(d.domain());
        return latest != null && latest.state() == Review.State.REJECTED
                && latest.proposed().severity().atLeast(d.merged().severity());
    }

    /** Waiting reviews of domains no source lists any more, or that are blocked now, are withdrawn. */
    private void withdrawSettled(State s, Map<String, Decision> byDomain, Map<String, DomainBlock> current, long now) {
        for (Review r : s.reviews.values()) {
            if (r.state() == Review.State.PENDING && (!byDomain.containsKey(r.domain()) || current.containsKey(r.domain()))) {
                s.steps.add(c -> Ledger.decide(c, r.id(), Review.State.WITHDRAWN, now));
            }
        }
    }

    private static String notAgreed(State s, Decision d, List<SourceEntries> weighed) {
        double listing = 0;
        double total = 0;
        for (SourceEntries e : weighed) {
            total += e.trust();
            if (d.sources().contains(e.sourceId())) {
                listing += e.trust();
            }
        }
        String by = "listed by " + s.labels(d.sources());
        return switch (s.policy.threshold()) {
            case Threshold.Count count -> by + " with trust " + number(listing) + "; the threshold is "
                    + number(count.weight());
            case Threshold.Percent percent -> by + " with " + number(total == 0 ? 0 : listing / total * 100)
                    + "% of the trust; the threshold is " + number(percent.percent()) + "%";
        };
    }

    static String number(double n) {
        return n == Math.rint(n) ? Long.toString((long) n) : String.format(java.util.Locale.ROOT, "%.2f", n);
    }

    static String target(DomainBlock b) {
        return b.obfuscate() ? "an obfuscated domain" : b.domain();
    }

    /** What one run reads at its start. */
    private record State(List<Source> sources, Map<String, Map<String, DomainBlock>> entries, Policy policy,
                         Map<String, Ledger.Applied> applied, Map<String, Review> reviews, List<Step> steps) {

        State(List<Source> sources, Map<String, Map<String, DomainBlock>> entries, Policy policy,
              Map<String, Ledger.Applied> applied, Map<String, Review> reviews) {
            this(sources, entries, policy, applied, reviews, new ArrayList<>());
        }

        String labels(Collection<String> ids) {
            List<String> out = new ArrayList<>();
            for (String id : ids) {
                out.add(sources.stream().filter(x -> x.id().equals(id)).map(Source::label).findFirst()
                        .orElse("a removed source"));
            }
            return String.join(", ", out);
        }
    }
}
