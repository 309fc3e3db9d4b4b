package org.modelkey.report;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import javax.imageio.ImageIO;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.internal.chartpart.Chart;
import org.modelkey.Profile;
import org.modelkey.io.AtomicFiles;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;
import tech.tablesaw.io.csv.CsvWriteOptions;
import tech.tablesaw.io.csv.CsvWriter;

/**
 * Saves what a notebook produces: result tables as {@code results/<profile>/NN-name.csv} with
 * provenance columns, and figures as {@code paper-figures/<profile>/NN-name.png}, each written
 * atomically (docs/design.md, "Results and provenance").
 */
public final class Results {
    private final Profile profile;
    private final Provenance provenance;

    public Results(Profile profile) {
        this(profile, Provenance.of(profile));
    }

    public Results(Profile profile, Provenance provenance) {
        this.profile = profile;
        this.provenance = provenance;
    }

    public Provenance provenance() {
        return provenance;
    }

    public Profile profile() {
        return profile;
    }

    /**
     * Writes {@code table} to {@code resultsDir/name.csv}, adding the provenance columns (and the
     * base seed, unless the table has its own {@code seed} column).
     */
    public Path saveTable(String name, Table table) {
        return save(Path.of(""), name, table);
    }

    /** Writes {@code table} to {@code resultsDir/folder/name.csv}, as {@link #saveTable}. */
    Path save(Path folder, String name, Table table) {
        Table out = table.copy();
        addConstant(out, "seed", Long.toString(provenance.seed()));
        addConstant(out, "profile", provenance.profile());
        addConstant(out, "engine", provenance.engine());
        addConstant(out, "device", provenance.device());
        addConstant(out, "commit", provenance.commit());
        Path file = profile.resultsDir().resolve(folder).resolve(fileName(name, ".csv"));
        try {
            return AtomicFiles.write(file, stream -> {
                var writer = new OutputStreamWriter(stream, StandardCharsets.UTF_8);
                new CsvWriter().write(out, CsvWriteOptions.builder(writer).build());
                writer.flush();
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** Writes an XChart chart as {@code figuresDir/name.png}. */
    public Path saveFigure(String name, Chart<?, ?> chart) {
        return saveFigure(name, BitmapEncoder.getBufferedImage(chart));
    }

    /** Writes an image as {@code figuresDir/name.png}. */
    public Path saveFigure(String name, BufferedImage image) {
        Path file = profile.figuresDir().resolve(fileName(name, ".png"));
        try {
            return AtomicFiles.write(file, stream -> {
                if (!ImageIO.write(image, "png", stream)) {
                    throw new IOException("no PNG writer for image type " + image.getType());
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** The papers' printed numbers, {@code notebooks/reference/<file>}, as a table. */
    public static Table paperReference(String file) {
        Path path = Profile.projectRoot().resolve("notebooks").resolve("reference").resolve(file);
        if (!Files.isRegularFile(path)) {
            throw new IllegalArgumentException("no reference table " + path
                    + ": the papers' numbers live in notebooks/reference/ (see its README)");
        }
        return Table.read().csv(path.toFile()).setName(file);
    }

    /**
     * Adds a column holding {@code value} in every row (a setting the whole table shares: data set,
     * model, seed …) and returns the table.
     */
    public static Table withConstant(Table table, String column, String value) {
        return withColumn(table, StringColumn.create(column, Collections.nCopies(table.rowCount(), value)));
    }

    /** As {@link #withConstant(Table, String, String)}, an integer column. */
    public static Table withConstant(Table table, String column, int value) {
        int[] values = new int[table.rowCount()];
        Arrays.fill(values, value);
        return withColumn(table, IntColumn.create(column, values));
    }

    /** As {@link #withConstant(Table, String, String)}, a long column. */
    public static Table withConstant(Table table, String column, long value) {
        long[] values = new long[table.rowCount()];
        Arrays.fill(values, value);
        return withColumn(table, LongColumn.create(column, values));
    }

    /** As {@link #withConstant(Table, String, String)}, a double column. */
    public static Table withConstant(Table table, String column, double value) {
        double[] values = new double[table.rowCount()];
        Arrays.fill(values, value);
        return withColumn(table, DoubleColumn.create(column, values));
    }

    private static Table withColumn(Table table, Column<?> column) {
        if (table.containsColumn(column.name())) {
            throw new IllegalArgumentException("table '" + table.name() + "' already has a column '" + column.name()
                    + "': give the constant another name");
        }
        return table.addColumns(column);
    }

    private static void addConstant(Table table, String column, String value) {
        if (!table.containsColumn(column)) {
            withConstant(table, column, value);
        }
    }

    private static String fileName(String name, String extension) {
        if (name.isBlank() || name.contains("/") || name.contains("..")) {
            throw new IllegalArgumentException("result name '" + name
                    + "' must be a plain file name such as 00-quickstart");
        }
        return name.endsWith(extension) ? name : name + extension;
    }
}
