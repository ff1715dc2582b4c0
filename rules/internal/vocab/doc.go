// Package vocab knows the values catalog columns hold (power types, power
// categories) and reads a catalog's layout from them: which column really
// holds the power types when a catalog shifts its columns.
package vocab
