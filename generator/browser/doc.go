// Package browser holds the tests that look at the site the way a reader
// does: a real headless Chromium (Debian's chromium package) driven by
// chromedp, against the shipped handbook built into a temporary folder and
// opened both over http and from file://. The checks of valid and
// accessible pages (checkers_test.go) also build en-agency, the golden
// handbook and a versioned site, and run the W3C Nu Html Checker and
// axe-core over a page of each kind (internal/webcheck).
//
// The tests skip, loudly, when chromium (or a checker) is not installed,
// except under CI (CI=true), where .ci/run installs them and a skip would
// hide a failure.
package browser
