package org.benignlab.reports;

import de.rototor.pdfbox.graphics2d.PdfBoxGraphics2D;
import de.rototor.pdfbox.graphics2d.PdfBoxGraphics2DFontTextDrawer;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.benignlab.api.CsvCells;

/**
 * The three files of a figure: PNG (for the HTML page and Markdown), PDF (vector, for LaTeX: real text in the
 * embedded subset of the report's font, drawn through PDFBox's Graphics2D), and a tidy CSV of exactly what is
 * plotted. The same figure gives the same bytes: no dates, a document ID derived from the page content.
 */
final class FigureFiles {
    private FigureFiles() {
    }

    /** PDF points per layout pixel: a 1100-pixel-wide figure is 550 pt (7.6 in), its 17-px tick labels 8.5 pt. */
    static final double PDF_SCALE = 0.5;

    static byte[] png(Figure f) throws IOException {
        BufferedImage img = new BufferedImage(f.width(), f.height(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            f.paint(g);
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
        try (ImageOutputStream ios = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(ios);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(0f); // deflate level 9: lossless, the smallest file
            writer.write(null, new IIOImage(img, null, null), param);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }

    static byte[] pdf(Figure f) throws IOException {
        float w = (float) (f.width() * PDF_SCALE);
        float h = (float) (f.height() * PDF_SCALE);
        try (PDDocument doc = new PDDocument(); PdfBoxGraphics2DFontTextDrawer text = new PdfBoxGraphics2DFontTextDrawer()) {
            PDPage page = new PDPage(new PDRectangle(w, h));
            doc.addPage(page);
            try (InputStream font = FigureFiles.class.getResourceAsStream(PlotLayout.FONT_RESOURCE)) {
                text.registerFont(PlotLayout.BASE_FONT.getFontName(), font);
            }
            PdfBoxGraphics2D g = new PdfBoxGraphics2D(doc, w, h);
            g.setFontTextDrawer(text);
            g.scale(PDF_SCALE, PDF_SCALE);
            f.paint(g);
            g.dispose();
            PDFormXObject form = g.getXFormObject();
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                cs.drawForm(form);
            }
            // a fixed document ID (PDFBox would otherwise derive one from the clock)
            byte[] id = Arrays.copyOf(sha256((f.name() + "\n" + csv(f)).getBytes(StandardCharsets.UTF_8)), 16);
            COSArray ids = new COSArray();
            ids.add(new COSString(id));
            ids.add(new COSString(id));
            doc.getDocument().getTrailer().setItem(COSName.ID, ids);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        }
    }

    private static byte[] sha256(byte[] b) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(b);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The CSV header: one row per plotted point (lines) or cell (heat maps). */
    static final String CSV_HEADER = "panel,series,x,y,y_low,y_high,value";

    /**
     * What the figure plots, tidy: {@code panel} (the metric of a panel of curves, else the figure's name),
     * {@code series}, the point's {@code x} and {@code y} in data units, the interval {@code y_low}, {@code y_high}
     * drawn around it (error bar or band; empty when none) and, for a heat-map cell, its {@code value}. Numbers read
     * back to the same doubles; text cells are quoted and neutralised for spreadsheets ({@link CsvCells#cell}).
     */
    static String csv(Figure f) {
        StringBuilder sb = new StringBuilder(CSV_HEADER).append('\n');
        for (Plot p : f.panels()) {
            String panel = CsvCells.cell(p.key);
            for (Plot.Layer layer : p.layers) {
                if (layer instanceof Plot.Line l) {
                    if (l.series() == null) {
                        continue;
                    }
                    String series = CsvCells.cell(l.series());
                    for (int i = 0; i < l.x().length; i++) {
                        sb.append(panel).append(',').append(series).append(',').append(num(l.x()[i])).append(',')
                                .append(num(l.y()[i])).append(',')
                                .append(l.low() == null ? "" : num(l.low()[i])).append(',')
                                .append(l.high() == null ? "" : num(l.high()[i])).append(",\n");
                    }
                } else if (layer instanceof Plot.Cells c) {
                    String series = CsvCells.cell(c.series());
                    for (int i = 0; i < c.x().length; i++) {
                        sb.append(panel).append(',').append(series).append(',').append(num(c.x()[i])).append(',')
                                .append(num(c.y()[i])).append(",,,").append(num(c.value()[i])).append('\n');
                    }
                }
            }
        }
        return sb.toString();
    }

    /** A number as in summary.csv; empty for NaN (a break in a line, a cell without a value). */
    private static String num(double v) {
        return Double.isNaN(v) ? "" : Formats.csv(v);
    }
}
