package org.benignlab.spark;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.benignlab.experiments.spec.InputException;

/**
 * The options of {@code --executor spark}, read from the command line's {@code --master URL} (key
 * {@code master}) and {@code --executor-option KEY=VALUE} pairs; anything else is an input error naming it.
 *
 * @param master      the master URL given with {@code --master}, or null (then the running context's, or the
 *                    one spark-submit set)
 * @param shipPlugins whether the plugin jars travel to the executors with the job ({@code SparkContext.addFile})
 * @param sparkConf   {@code spark.*} entries for the context this executor creates (sorted by key)
 */
record SparkSettings(String master, Ship shipPlugins, Map<String, String> sparkConf) {

    /** The option that says whether plugin jars travel with the job. */
    static final String SHIP_PLUGINS = "ship-plugins";

    /** Whether plugin jars are shipped to the executors. */
    enum Ship {
        /** Ship them unless the master runs the tasks in this JVM ({@code local}, {@code local[N]}). */
        AUTO,
        /** Always ship them (each executor fetches them into its SparkFiles folder). */
        YES,
        /** Never: their paths are valid on every executor (a shared file system). */
        NO;

        boolean ships(boolean localMaster) {
            return this == YES || (this == AUTO && !localMaster);
        }
    }

    SparkSettings {
        sparkConf = Map.copyOf(sparkConf);
    }

    /** Reads the options given to the executor; an unknown key or a bad value is an {@link InputException}. */
    static SparkSettings parse(Map<String, String> options) {
        String master = null;
        Ship ship = Ship.AUTO;
        Map<String, String> conf = new TreeMap<>();
        for (Map.Entry<String, String> e : new TreeMap<>(options).entrySet()) {
            String key = e.getKey();
            String value = e.getValue() == null ? "" : e.getValue().strip();
            if (key.equals("master")) {
                if (value.isEmpty()) {
                    throw new InputException("--master: must be a Spark master URL such as local[2] or "
                            + "spark://host:7077, got an empty value");
                }
                master = value;
            } else if (key.equals(SHIP_PLUGINS)) {
                ship = switch (value.toLowerCase(Locale.ROOT)) {
                    case "auto" -> Ship.AUTO;
                    case "yes" -> Ship.YES;
                    case "no" -> Ship.NO;
                    default -> throw new InputException("--executor-option " + SHIP_PLUGINS
                            + ": must be auto, yes or no, got '" + value + "'");
                };
            } else if (key.equals("spark.master")) {
                throw new InputException("--executor-option spark.master: give the master with --master URL");
            } else if (key.startsWith("spark.") && key.length() > "spark.".length()) {
                conf.put(key, value);
            } else {
                throw new InputException("--executor-option " + key + ": not an option of the spark executor; it "
                        + "takes " + SHIP_PLUGINS + "=auto|yes|no and spark.* entries of the Spark configuration "
                        + "(e.g. spark.executor.memory=4g), and the master with --master URL");
            }
        }
        return new SparkSettings(master, ship, conf);
    }

    /**
     * How many tasks a local master runs at once: {@code local} 1, {@code local[N]} and {@code local[N,F]} N,
     * {@code local[*]} the cores of this machine; -1 for a master that is not local.
     */
    static int localSlots(String master) {
        if (master.equals("local")) {
            return 1;
        }
        if (!master.startsWith("local[") || !master.endsWith("]")) {
            return -1;
        }
        String inside = master.substring("local[".length(), master.length() - 1);
        int comma = inside.indexOf(',');
        String threads = (comma < 0 ? inside : inside.substring(0, comma)).strip();
        if (threads.equals("*")) {
            return Runtime.getRuntime().availableProcessors();
        }
        try {
            int n = Integer.parseInt(threads);
            return n >= 1 ? n : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
