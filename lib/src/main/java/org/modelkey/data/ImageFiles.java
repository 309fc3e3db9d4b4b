package org.modelkey.data;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/** Decoding of the PNG and JPEG files the loaders read. */
final class ImageFiles {

    private ImageFiles() {}

    /** Decodes {@code file}, failing with its name if it is not a readable image. */
    static BufferedImage decode(Path file) throws IOException {
        BufferedImage image;
        try {
            image = ImageIO.read(file.toFile());
        } catch (IOException e) {
            throw new IOException(file + " could not be decoded as a PNG or JPEG image (" + e.getMessage()
                    + "): replace the file", e);
        }
        if (image == null) {
            throw new IOException(file + " is not a PNG or JPEG image: replace the file");
        }
        return image;
    }
}
