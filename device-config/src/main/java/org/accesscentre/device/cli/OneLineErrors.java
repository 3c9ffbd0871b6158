package org.accesscentre.device.cli;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import org.accesscentre.core.json.JsonInputException;
import org.accesscentre.core.keys.KeyFormatException;
import org.accesscentre.device.bundle.BundleException;
import org.accesscentre.device.identity.IdentityException;
import org.accesscentre.device.portal.EnvFileException;
import org.accesscentre.device.portal.PortalException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns any failure of a command into one line on standard error and exit code 1. The expected failures
 * (a refused bundle, a bad file, a missing key) already carry a message for people; anything else is named
 * by its type, still without a stack trace, which would only hide the one line that matters.
 */
final class OneLineErrors implements IExecutionExceptionHandler {
    private static final int MAX_LENGTH = 500;

    @Override
    public int handleExecutionException(Exception e, CommandLine command, ParseResult parseResult) {
        command.getErr().println(message(e));
        command.getErr().flush();
        return 1;
    }

    static String message(Throwable e) {
        String text = switch (e) {
            case BundleException b -> b.getMessage();
            case JsonInputException j -> j.getMessage();
            case KeyFormatException k -> k.getMessage();
            case IdentityException i -> i.getMessage();
            // Named, since a script that runs several tools shows whose line this is.
            case PortalException p -> "kioskctl: " + p.getMessage();
            case EnvFileException f -> "kioskctl: " + f.getMessage();
            case NoSuchFileException f -> f.getFile() + ": no such file";
            case AccessDeniedException f -> f.getFile() + ": permission denied";
            case FileAlreadyExistsException f ->
                f.getFile() + ": already exists" + (f.getReason() == null ? "" : "; " + f.getReason());
            case NotDirectoryException f -> f.getFile() + ": not a directory";
            case DirectoryNotEmptyException f -> f.getFile() + ": directory not empty";
            case FileSystemException f -> f.getMessage();
            case IOException io -> "input/output error: " + io.getMessage();
            case IllegalArgumentException i -> i.getMessage();
            default -> "kioskctl: unexpected " + e.getClass().getSimpleName() + ": " + e.getMessage();
        };
        return oneLine(String.valueOf(text));
    }

    /** Control characters from hostile input never reach the terminal, and the line stays readable. */
    static String oneLine(String text) {
        String flat = text.replaceAll("\\p{Cntrl}+", " ").strip();
        return flat.length() <= MAX_LENGTH ? flat : flat.substring(0, MAX_LENGTH - 3) + "...";
    }
}
