package plugin

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// placeholder names the configuration directory in a policy path, as
// golangci-lint's own linters spell it.
const placeholder = "${config-path}"

// configExts are the extensions viper tries for .golangci, in its order
// (viper v1.12.0 SupportedExts, which golangci-lint v2.15.0 uses).
var configExts = []string{"json", "toml", "yaml", "yml", "properties", "props", "prop", "hcl", "tfvars", "dotenv", "env", "ini"}

// configDir returns the directory of the golangci-lint configuration in
// use. golangci-lint v2.15.0 hands a module plugin its settings exactly
// as written: it expands ${base-path} and ${config-path} only for its
// own linters (lintersdb.LinterBuilder) and tells a plugin nothing of
// the file it read. So this finds the file the way golangci-lint does
// (config.BaseLoader): the --config or -c flag, else the first
// .golangci.* in the working directory, its parents, then the home
// directory. Without a file (or with --no-config) it is the working
// directory, which is golangci-lint's own fallback (fsutils.GetBasePath).
func configDir() (string, error) {
	wd, err := os.Getwd()
	if err != nil {
		return "", err
	}
	home, _ := os.UserHomeDir()
	return findConfigDir(os.Args[1:], wd, home, isFile), nil
}

func findConfigDir(args []string, wd, home string, isFile func(string) bool) string {
	file, disabled := configFlag(args)
	switch {
	case disabled:
		return wd
	case file != "":
		if !filepath.IsAbs(file) {
			file = filepath.Join(wd, file)
		}
		return filepath.Dir(file)
	}
	for _, dir := range searchDirs(wd, home) {
		for _, ext := range configExts {
			if isFile(filepath.Join(dir, ".golangci."+ext)) {
				return dir
			}
		}
	}
	return wd
}

// configFlag reads --config FILE, --config=FILE, -c FILE, -c=FILE,
// -cFILE and --no-config from golangci-lint's command line.
func configFlag(args []string) (file string, disabled bool) {
	for i, a := range args {
		switch {
		case a == "--":
			return file, disabled
		case a == "--no-config":
			disabled = true
		case (a == "--config" || a == "-c") && i+1 < len(args):
			file = args[i+1]
		case strings.HasPrefix(a, "--config="):
			file = strings.TrimPrefix(a, "--config=")
		case strings.HasPrefix(a, "-c") && !strings.HasPrefix(a, "--") && len(a) > 2:
			file = strings.TrimPrefix(a[2:], "=")
		}
	}
	return file, disabled
}

// searchDirs is wd and its parents, then home.
func searchDirs(wd, home string) []string {
	var dirs []string
	for dir := wd; ; dir = filepath.Dir(dir) {
		dirs = append(dirs, dir)
		if filepath.Dir(dir) == dir {
			break
		}
	}
	if home != "" && !slices.Contains(dirs, home) {
		dirs = append(dirs, home)
	}
	return dirs
}

// resolve expands the placeholder and makes p absolute against dir.
func resolve(dir, p string) string {
	p = strings.ReplaceAll(p, placeholder, dir)
	if filepath.IsAbs(p) {
		return filepath.Clean(p)
	}
	return filepath.Join(dir, p)
}

func isFile(p string) bool {
	st, err := os.Stat(p)
	return err == nil && !st.IsDir()
}
