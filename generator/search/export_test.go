package search

// Sections is Split for tests that need only the sections.
func Sections(h []byte) []Section {
	secs, _ := Split(string(h))
	return secs
}

// Text is text for tests that need only the text.
func Text(h string) string {
	var u Units
	return text(h, &u)
}
