// Package reporttest drives headless Chromium for tests of the HTML report:
// load a page, dump its DOM after its scripts ran, take a screenshot.
package reporttest
