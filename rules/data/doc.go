// Package data holds the knowledge the hygiene and consistency rules run
// on (standard power types, power categories, conversion artifacts, office
// name endings) as embedded text files, with their parsers.
package data
