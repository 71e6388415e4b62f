package render

// TemplateLayout makes every page go through base.html, as a handbook that
// overrides the layout does, until the returned func is called.
func TemplateLayout() (restore func()) {
	templateLayout = true
	return func() { templateLayout = false }
}
