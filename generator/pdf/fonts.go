package pdf

import (
	"context"
	"fmt"
	"os/exec"
	"strings"
	"time"
)

// cjk names, for each language whose script most systems lack a font for,
// fontconfig's name of it and the Debian package of a font that has it.
var cjk = []struct{ prefix, fc, name, pkg string }{
	{"zh", "zh", "Chinese", "fonts-wqy-microhei"},
	{"ja", "ja", "Japanese", "fonts-noto-cjk"},
	{"ko", "ko", "Korean", "fonts-noto-cjk"},
}

// CheckFonts reports an error when the handbook's language lang needs a
// font the machine lacks: Chromium would print its characters as empty
// boxes, and say nothing. It asks fontconfig (fc-list), which Chromium
// finds its fonts through on Linux; without fc-list, or when it fails, it
// assumes the fonts are there rather than refuse on a guess.
func CheckFonts(ctx context.Context, lang string) error {
	for _, c := range cjk {
		if lang != c.prefix && !strings.HasPrefix(lang, c.prefix+"-") {
			continue
		}
		fcList, err := exec.LookPath("fc-list")
		if err != nil {
			return nil
		}
		ctx, cancel := context.WithTimeout(ctx, 30*time.Second)
		defer cancel()
		out, err := exec.CommandContext(ctx, fcList, ":lang="+c.fc, "family").Output()
		if err == nil && strings.TrimSpace(string(out)) == "" {
			return fmt.Errorf("the handbook is in %s (language = %q) and no %s font is installed: the PDF would show empty boxes; install one (Debian, Ubuntu: sudo apt-get install -y %s) and try again", c.name, lang, c.name, c.pkg)
		}
	}
	return nil
}
