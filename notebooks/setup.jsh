// Shared set-up of every notebook, loaded with %load after %maven brings in the library and after the
// notebook's own import cell: every import of a notebook comes before its first variable (JJava resets
// earlier variables to null when a later cell imports; NotebookNeutralityTest keeps it so).
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

NotebookDisplay.register();   // charts as PNG, tables as HTML under IJava/JJava too (the kit's kernel does it itself)
Profile profile = Profile.current();
Results results = new Results(profile);
Claims claims = new Claims(profile);
