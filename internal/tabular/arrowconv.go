package tabular

import (
	"fmt"
	"math"
	"strconv"
	// Timestamps with a zone are dated in that zone, which needs the zone
	// database even on machines that do not ship one.
	_ "time/tzdata"

	"github.com/apache/arrow/go/v17/arrow"
	"github.com/apache/arrow/go/v17/arrow/array"

	"github.com/triad-mmm/triad/civil"
)

// checkType reports, before any row is read, a column whose Arrow type can
// never hold the requested kind (a struct asked for as a number, say).
func checkType(source string, c Column, dt arrow.DataType) error {
	if d, ok := dt.(*arrow.DictionaryType); ok {
		dt = d.ValueType
	}
	if dt.ID() == arrow.NULL || isText(dt) {
		return nil // text is parsed cell by cell; an all-null column is all null
	}
	ok := false
	switch c.Kind {
	case Float:
		ok = isNumeric(dt)
	case Date:
		ok = isDate(dt)
	case String:
		ok = isNumeric(dt) || isDate(dt) || dt.ID() == arrow.BOOL
	case Bool:
		ok = dt.ID() == arrow.BOOL || isInteger(dt)
	}
	if !ok {
		return &CellError{File: source, Column: c.Name, Msg: fmt.Sprintf("has type %v, want %v", dt, c.Kind)}
	}
	return nil
}

func isText(dt arrow.DataType) bool {
	switch dt.ID() {
	case arrow.STRING, arrow.LARGE_STRING, arrow.STRING_VIEW:
		return true
	}
	return false
}

func isInteger(dt arrow.DataType) bool {
	switch dt.ID() {
	case arrow.INT8, arrow.INT16, arrow.INT32, arrow.INT64,
		arrow.UINT8, arrow.UINT16, arrow.UINT32, arrow.UINT64:
		return true
	}
	return false
}

func isNumeric(dt arrow.DataType) bool {
	switch dt.ID() {
	case arrow.FLOAT16, arrow.FLOAT32, arrow.FLOAT64, arrow.DECIMAL128, arrow.DECIMAL256:
		return true
	}
	return isInteger(dt)
}

func isDate(dt arrow.DataType) bool {
	switch dt.ID() {
	case arrow.DATE32, arrow.DATE64, arrow.TIMESTAMP:
		return true
	}
	return false
}

// appendArrow appends rows [i0, i1) of arr to b. On a bad cell it returns
// the cell's index in arr with the error, for the caller to locate.
func (b *colBuf) appendArrow(arr arrow.Array, i0, i1 int) (int, error) {
	// Fast paths for the types real files use most; everything else goes
	// cell by cell.
	switch a := arr.(type) {
	case *array.Float64:
		if b.kind == Float {
			return b.appendFloat64s(a, i0, i1)
		}
	case *array.Int64:
		if b.kind == Float {
			b.appendInt64s(a, i0, i1)
			return 0, nil
		}
	case *array.Date32:
		if b.kind == Date {
			b.appendDate32s(a, i0, i1)
			return 0, nil
		}
	case *array.Timestamp:
		return b.appendTimestamps(a, i0, i1)
	case *array.String:
		if b.kind == String {
			for i := i0; i < i1; i++ {
				if a.IsNull(i) {
					b.appendNull()
					continue
				}
				if err := b.appendText(a.Value(i)); err != nil {
					return i, err
				}
			}
			return 0, nil
		}
	case *array.Dictionary:
		return b.appendDictionary(a, i0, i1)
	}
	for i := i0; i < i1; i++ {
		if err := b.appendCell(arr, i); err != nil {
			return i, err
		}
	}
	return 0, nil
}

// appendFloat64s treats NaN as null: pandas writes missing floats as NaN
// rather than as Arrow nulls.
func (b *colBuf) appendFloat64s(a *array.Float64, i0, i1 int) (int, error) {
	vals := a.Float64Values()
	for i := i0; i < i1; i++ {
		v := vals[i]
		switch {
		case a.IsNull(i) || math.IsNaN(v):
			b.appendNull()
			continue
		case math.IsInf(v, 0):
			return i, fmt.Errorf("%v is not a finite number", v)
		case math.Abs(v) > MaxMagnitude:
			_, err := checkMagnitude(v)
			return i, err
		}
		b.f = append(b.f, v)
		b.markValid()
	}
	return 0, nil
}

func (b *colBuf) appendInt64s(a *array.Int64, i0, i1 int) {
	vals := a.Int64Values()
	for i := i0; i < i1; i++ {
		if a.IsNull(i) {
			b.appendNull()
			continue
		}
		b.f = append(b.f, float64(vals[i]))
		b.markValid()
	}
}

func (b *colBuf) appendDate32s(a *array.Date32, i0, i1 int) {
	vals := a.Date32Values()
	for i := i0; i < i1; i++ {
		if a.IsNull(i) {
			b.appendNull()
			continue
		}
		b.d = append(b.d, civil.Date(vals[i]))
		b.markValid()
	}
}

// appendTimestamps resolves the column's time zone once, not per cell.
func (b *colBuf) appendTimestamps(a *array.Timestamp, i0, i1 int) (int, error) {
	toTime, err := a.DataType().(*arrow.TimestampType).GetToTimeFunc()
	if err != nil {
		return i0, fmt.Errorf("timestamp time zone: %w", err)
	}
	for i := i0; i < i1; i++ {
		if a.IsNull(i) {
			b.appendNull()
			continue
		}
		if err := b.appendDate(civil.FromTime(toTime(a.Value(i)))); err != nil {
			return i, err
		}
	}
	return 0, nil
}

func (b *colBuf) appendDictionary(a *array.Dictionary, i0, i1 int) (int, error) {
	dict := a.Dictionary()
	for i := i0; i < i1; i++ {
		if a.IsNull(i) {
			b.appendNull()
			continue
		}
		if err := b.appendCell(dict, a.GetValueIndex(i)); err != nil {
			return i, err
		}
	}
	return 0, nil
}

// appendCell appends cell i of arr, converting it to b's kind.
func (b *colBuf) appendCell(arr arrow.Array, i int) error {
	if arr.IsNull(i) {
		b.appendNull()
		return nil
	}
	switch a := arr.(type) {
	case *array.Null:
		b.appendNull()
		return nil
	case *array.String:
		return b.appendText(a.Value(i))
	case *array.LargeString:
		return b.appendText(a.Value(i))
	case *array.StringView:
		return b.appendText(a.Value(i))
	case *array.Boolean:
		return b.appendBool(a.Value(i))
	case *array.Int8:
		return b.appendInt(int64(a.Value(i)))
	case *array.Int16:
		return b.appendInt(int64(a.Value(i)))
	case *array.Int32:
		return b.appendInt(int64(a.Value(i)))
	case *array.Int64:
		return b.appendInt(a.Value(i))
	case *array.Uint8:
		return b.appendInt(int64(a.Value(i)))
	case *array.Uint16:
		return b.appendInt(int64(a.Value(i)))
	case *array.Uint32:
		return b.appendInt(int64(a.Value(i)))
	case *array.Uint64:
		v := a.Value(i)
		if v > math.MaxInt64 {
			return b.appendFloat(float64(v))
		}
		return b.appendInt(int64(v))
	case *array.Float16:
		return b.appendFloat(float64(a.Value(i).Float32()))
	case *array.Float32:
		return b.appendFloat(float64(a.Value(i)))
	case *array.Float64:
		return b.appendFloat(a.Value(i))
	case *array.Decimal128:
		scale := a.DataType().(*arrow.Decimal128Type).Scale
		return b.appendFloat(a.Value(i).ToFloat64(scale))
	case *array.Decimal256:
		scale := a.DataType().(*arrow.Decimal256Type).Scale
		return b.appendFloat(a.Value(i).ToFloat64(scale))
	case *array.Date32:
		return b.appendDate(civil.Date(a.Value(i)))
	case *array.Date64:
		return b.appendDate(civil.Date(floorDiv(int64(a.Value(i)), 86_400_000)))
	case *array.Timestamp:
		toTime, err := a.DataType().(*arrow.TimestampType).GetToTimeFunc()
		if err != nil {
			return fmt.Errorf("timestamp time zone: %w", err)
		}
		return b.appendDate(civil.FromTime(toTime(a.Value(i))))
	case *array.Dictionary:
		return b.appendCell(a.Dictionary(), a.GetValueIndex(i))
	}
	return fmt.Errorf("cannot read a %v value as a %v", arr.DataType(), b.kind)
}

func floorDiv(a, b int64) int64 {
	q := a / b
	if a%b != 0 && (a < 0) != (b < 0) {
		q--
	}
	return q
}

func (b *colBuf) appendFloat(v float64) error {
	if math.IsNaN(v) {
		b.appendNull()
		return nil
	}
	if math.IsInf(v, 0) {
		return fmt.Errorf("%v is not a finite number", v)
	}
	switch b.kind {
	case Float:
		if _, err := checkMagnitude(v); err != nil {
			return err
		}
		b.f = append(b.f, v)
	case String:
		b.s = append(b.s, strconv.FormatFloat(v, 'g', -1, 64))
	default:
		return fmt.Errorf("%v is a number, not a %v", v, b.kind)
	}
	b.markValid()
	return nil
}

func (b *colBuf) appendInt(v int64) error {
	switch b.kind {
	case Float:
		b.f = append(b.f, float64(v))
	case String:
		b.s = append(b.s, strconv.FormatInt(v, 10))
	case Bool:
		if v != 0 && v != 1 {
			return fmt.Errorf("%d is not a boolean (want 0 or 1)", v)
		}
		b.b = append(b.b, v == 1)
	default:
		return fmt.Errorf("%d is a number, not a %v", v, b.kind)
	}
	b.markValid()
	return nil
}

func (b *colBuf) appendBool(v bool) error {
	switch b.kind {
	case Bool:
		b.b = append(b.b, v)
	case String:
		b.s = append(b.s, strconv.FormatBool(v))
	default:
		return fmt.Errorf("%v is a boolean, not a %v", v, b.kind)
	}
	b.markValid()
	return nil
}

func (b *colBuf) appendDate(d civil.Date) error {
	switch b.kind {
	case Date:
		b.d = append(b.d, d)
	case String:
		b.s = append(b.s, d.String())
	default:
		return fmt.Errorf("%v is a date, not a %v", d, b.kind)
	}
	b.markValid()
	return nil
}
