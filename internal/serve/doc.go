// Package serve is the local web page of `citelint serve`: a page on
// 127.0.0.1 where legal staff drop catalogs, see the HTML report and
// download the JSON and SARIF reports and the annotated copies.
//
// Nothing leaves the machine: uploads are read into memory, checked, and
// the results kept in memory per job for a while (bounded in count, bytes
// and age). The handler refuses requests addressed to any other host name
// than its own loopback address (DNS rebinding), requires a per-server
// random token on every POST (CSRF), serves no directory, and never uses an
// uploaded file's name as a path.
package serve
