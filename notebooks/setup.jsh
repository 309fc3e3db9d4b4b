// Shared set-up of every notebook (loaded with %load after %maven brings in the library).
import java.nio.file.*;
import java.util.*;
import java.util.stream.*;
import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.*;
import ai.djl.ndarray.types.*;
import tech.tablesaw.api.*;
import org.knowm.xchart.*;
import org.knowm.xchart.style.Styler;
import org.modelkey.Profile;
import org.modelkey.report.*;

Profile profile = Profile.current();
Results results = new Results(profile);
Claims claims = new Claims(profile);
