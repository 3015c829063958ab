package org.benignlab.experiments.run;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.benignlab.experiments.spec.InputException;

/**
 * A part of an experiment for one job of a job array: shard {@code index} of {@code count} (from 0)
 * holds the runs whose position among the experiment's run keys, sorted, is {@code index} modulo
 * {@code count}. The split depends only on the set of run keys, so it is the same on every machine
 * and for any order of the grid, and the shards differ in size by at most one run.
 */
public record Shard(int index, int count) {
    public Shard {
        if (count < 1 || index < 0 || index >= count) {
            throw new InputException("--shard " + index + "/" + count + ": must be i/k with k >= 1 and 0 <= i < k "
                    + "(shards count from 0, e.g. --shard 0/4 ... --shard 3/4)");
        }
    }

    /** The whole experiment. */
    public static Shard all() {
        return new Shard(0, 1);
    }

    /** Reads {@code i/k}. */
    public static Shard parse(String text) {
        String t = text.strip();
        if (!t.matches("\\d{1,9}/\\d{1,9}")) {
            throw new InputException("--shard " + text + ": must be i/k with integers 0 <= i < k, e.g. --shard 0/4");
        }
        String[] parts = t.split("/");
        return new Shard(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]));
    }

    /** The runs of this shard, in the order given. */
    public List<RunPlan> select(List<RunPlan> runs) {
        if (count == 1) {
            return runs;
        }
        List<String> keys = new ArrayList<>(runs.stream().map(RunPlan::key).toList());
        keys.sort(null);
        Set<String> mine = new HashSet<>();
        for (int i = index; i < keys.size(); i += count) {
            mine.add(keys.get(i));
        }
        return runs.stream().filter(r -> mine.contains(r.key())).toList();
    }

    @Override
    public String toString() {
        return index + "/" + count;
    }
}
