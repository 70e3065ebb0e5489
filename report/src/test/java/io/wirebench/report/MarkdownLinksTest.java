package io.wirebench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every relative link in every committed Markdown file resolves: the file or folder exists, and a
 * {@code #fragment} into a Markdown file names one of its headings (GitHub's slugs). Links in code are not links.
 */
class MarkdownLinksTest {
    private static final Pattern LINK = Pattern.compile("\\[[^\\]]*\\]\\(([^)\\s]+)(?:\\s+\"[^\"]*\")?\\)");
    private static final Pattern FENCE = Pattern.compile("(?ms)^\\s*```.*?^\\s*```[^\\n]*$");
    private static final Pattern INLINE_CODE = Pattern.compile("`[^`\\n]*`");
    private static final Pattern HEADING = Pattern.compile("(?m)^#{1,6}\\s+(.+?)\\s*#*\\s*$");

    @Test
    void everyRelativeLinkInEveryMarkdownFileResolves() throws Exception {
        Path root = repositoryRoot();
        List<String> broken = new ArrayList<>();
        int checked = 0;
        for (String name : committedMarkdown(root)) {
            Path file = root.resolve(name);
            for (String target : links(Files.readString(file, StandardCharsets.UTF_8))) {
                if (target.matches("^[a-zA-Z][a-zA-Z0-9+.-]*:.*")) {
                    continue; // http:, https:, mailto:: not ours to resolve
                }
                checked++;
                String path = target.contains("#") ? target.substring(0, target.indexOf('#')) : target;
                String fragment = target.contains("#") ? target.substring(target.indexOf('#') + 1) : null;
                Path resolved = path.isEmpty() ? file : file.getParent().resolve(path).normalize();
                if (!Files.exists(resolved)) {
                    broken.add(name + ": " + target + " (no " + root.relativize(resolved) + ")");
                } else if (fragment != null && resolved.toString().endsWith(".md") && !slugs(Files.readString(resolved)).contains(fragment)) {
                    broken.add(name + ": " + target + " (no heading '" + fragment + "' in " + root.relativize(resolved) + ")");
                }
            }
        }
        assertTrue(checked > 20, "the check found the READMEs' links (" + checked + ")");
        assertEquals(List.of(), broken, "broken links");
    }

    @Test
    void theCheckSeesABrokenLinkAndSkipsCode() {
        String text = "see [a](missing.md) and `[b](in-code.md)`\n```\n[c](fenced.md)\n```\n[d](#Heading)";
        assertEquals(List.of("missing.md", "#Heading"), links(text));
        assertEquals(Set.of("serving-across-hosts-scriptsserve-scriptsserve-scenarios", "the-seeds-claims"),
                slugs("## Serving across hosts (`scripts/serve`, `scripts/serve-scenarios`)\n# The seed's claims\n"));
    }

    /** The link targets in {@code markdown}, code blocks and code spans left out. */
    static List<String> links(String markdown) {
        String prose = INLINE_CODE.matcher(FENCE.matcher(markdown).replaceAll("")).replaceAll("");
        List<String> out = new ArrayList<>();
        Matcher m = LINK.matcher(prose);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    /** GitHub's anchors for the headings of {@code markdown}: lower case, punctuation dropped, spaces to hyphens. */
    static Set<String> slugs(String markdown) {
        Set<String> out = new LinkedHashSet<>();
        Matcher m = HEADING.matcher(FENCE.matcher(markdown).replaceAll(""));
        while (m.find()) {
            String slug = m.group(1).toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-');
            String unique = slug;
            for (int i = 1; !out.add(unique); i++) {
                unique = slug + "-" + i;
            }
        }
        return out;
    }

    private static Path repositoryRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve(".git"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no git checkout above " + Path.of("").toAbsolutePath() + ": the check reads the committed Markdown files");
    }

    private static List<String> committedMarkdown(Path root) throws IOException, InterruptedException {
        Process git = new ProcessBuilder("git", "ls-files", "-z", "*.md").directory(root.toFile()).redirectErrorStream(true).start();
        byte[] out = git.getInputStream().readAllBytes();
        assertTrue(git.waitFor(30, TimeUnit.SECONDS) && git.exitValue() == 0, "git ls-files: " + new String(out, StandardCharsets.UTF_8));
        List<String> names = new ArrayList<>();
        for (String name : new String(out, StandardCharsets.UTF_8).split("\0")) {
            if (!name.isBlank()) {
                names.add(name);
            }
        }
        return names;
    }
}
