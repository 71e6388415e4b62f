// Package browser holds the tests that look at the site the way a reader
// does: a real headless Chromium (Debian's chromium package) driven by
// chromedp, against the shipped handbook built into a temporary folder and
// opened both over http and from file://.
//
// The tests skip, loudly, when chromium is not installed, except under CI
// (CI=true), where .ci/run installs it and a skip would hide a failure.
package browser
