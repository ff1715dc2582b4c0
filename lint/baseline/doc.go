// Package baseline records a catalog's current findings so that later runs
// report only new ones: a department can adopt citelint without fixing
// hundreds of old rows first. Findings are keyed by what survives edits
// elsewhere in the file (file base name, entry 序号, field, rule and the
// normalised text the finding is about), never by offsets.
package baseline
