package dev.dbmigrate.detect;

import dev.dbmigrate.model.Tool;
import java.util.Optional;

/** Recognises one migration tool in one candidate project directory. One implementation per tool. */
public interface Detector {

    Tool tool();

    /**
     * @param dir a directory of the walked tree, with cheap access to its files
     * @return the detection when this directory is a project root of the tool
     */
    Optional<Detection> detect(ProjectDir dir);
}
