import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { dirname, join, normalize } from "node:path";
import { describe, expect, it } from "vitest";

// What `npm pack` would ship (dist/ may be unbuilt here: it is always shipped, and no doc links into it).
const packed = (JSON.parse(execFileSync("npm", ["pack", "--dry-run", "--json", "--ignore-scripts"], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }))[0].files as { path: string }[]).map((f) => f.path);
const shipped = (path: string) => packed.includes(path) || packed.some((f) => f.startsWith(path.endsWith("/") ? path : `${path}/`));

/** Relative link targets of a markdown file, as paths from the package root. */
function relativeLinks(file: string): string[] {
  const text = readFileSync(file, "utf8").replace(/```[\s\S]*?```/g, "");
  return [...text.matchAll(/\]\(([^)\s]+)\)/g)]
    .map((m) => m[1]!.split("#")[0]!)
    .filter((target) => target !== "" && !/^[a-z][a-z0-9+.-]*:/i.test(target))
    .map((target) => normalize(join(dirname(file), target)));
}

describe("the npm package stands alone", () => {
  it("names its repository, homepage and issue tracker", () => {
    const pkg = JSON.parse(readFileSync("package.json", "utf8"));
    expect(pkg.repository.url).toMatch(/^git\+https:\/\/github\.com\/[^/]+\/aftersales-policy\.git$/);
    expect(pkg.homepage).toMatch(/^https:\/\//);
    expect(pkg.bugs.url).toMatch(/^https:\/\/.+\/issues$/);
  });

  const docs = ["README.md", ...packed.filter((f) => f.startsWith("docs/") && f.endsWith(".md"))];
  it.each(docs)("every relative link of %s points at a file the package ships", (file) => {
    expect(packed).toContain(file);
    const links = relativeLinks(file);
    if (file === "README.md") expect(links.length).toBeGreaterThan(5);
    expect(links.filter((target) => !shipped(target))).toEqual([]);
  });
});
