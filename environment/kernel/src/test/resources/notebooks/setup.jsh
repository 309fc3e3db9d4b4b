import java.awt.image.BufferedImage;
import java.util.*;
import com.google.gson.Gson;
import tech.tablesaw.api.*;
import org.knowm.xchart.*;
%classpath lib
import picocli.CommandLine;
