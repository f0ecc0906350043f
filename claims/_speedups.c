/* The parser's tokeniser in C, built only by the compiled install (hatch_build.py, CLAIMS_COMPILE=1).
 *
 * tokens(text, start, end, classes) gives the word and punctuation tokens of text[start:end] as
 * (start, end) pairs, exactly as claims.patterns.RE_TOKEN_FAST's finditer does: a run of word
 * characters, joined to the next run by one joiner (Iran's, U.S, al-Hashd, AT&T), or any one
 * character that is neither a word character nor white space. `classes` holds one byte a code point
 * (claims.text builds it from RE_TOKEN_FAST's own classes); a code point past its end is punctuation,
 * as it is to the pattern. Tokenising a sentence is the parser's busiest scan, and `re` spends most
 * of each token setting up and tearing down a match; this loop spends a tuple.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

enum { PUNCT = 0, WORD = 1, SPACE = 2, JOINER = 3 };

static inline int
class_of(Py_UCS4 code, const unsigned char *table, Py_UCS4 known)
{
    return code < known ? table[code] : PUNCT;
}

static int
append_span(PyObject *out, Py_ssize_t start, Py_ssize_t end)
{
    PyObject *a = PyLong_FromSsize_t(start);
    PyObject *b = PyLong_FromSsize_t(end);
    PyObject *span = (a && b) ? PyTuple_New(2) : NULL;
    if (span == NULL) {
        Py_XDECREF(a);
        Py_XDECREF(b);
        return -1;
    }
    PyTuple_SET_ITEM(span, 0, a);
    PyTuple_SET_ITEM(span, 1, b);
    int failed = PyList_Append(out, span);
    Py_DECREF(span);
    return failed;
}

static PyObject *
tokens(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    if (nargs != 4 || !PyUnicode_Check(args[0]) || !PyBytes_Check(args[3])) {
        PyErr_SetString(PyExc_TypeError, "tokens(text: str, start: int, end: int, classes: bytes)");
        return NULL;
    }
    PyObject *text = args[0];
    Py_ssize_t start = PyLong_AsSsize_t(args[1]);
    if (start == -1 && PyErr_Occurred())
        return NULL;
    Py_ssize_t end = PyLong_AsSsize_t(args[2]);
    if (end == -1 && PyErr_Occurred())
        return NULL;
    Py_ssize_t length = PyUnicode_GET_LENGTH(text);
    if (start < 0)
        start = 0;
    if (end > length)
        end = length;

    const unsigned char *table = (const unsigned char *)PyBytes_AS_STRING(args[3]);
    Py_UCS4 known = (Py_UCS4)PyBytes_GET_SIZE(args[3]);
    int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
#define CLASS_AT(i) class_of(PyUnicode_READ(kind, data, (i)), table, known)

    PyObject *out = PyList_New(0);
    if (out == NULL)
        return NULL;
    Py_ssize_t i = start;
    while (i < end) {
        int cls = CLASS_AT(i);
        if (cls == SPACE) {
            i++;
            continue;
        }
        Py_ssize_t j = i + 1;
        if (cls == WORD) {
            while (j < end && CLASS_AT(j) == WORD)
                j++;
            while (j + 1 < end && CLASS_AT(j) == JOINER && CLASS_AT(j + 1) == WORD) {
                j += 2;
                while (j < end && CLASS_AT(j) == WORD)
                    j++;
            }
        }
        if (append_span(out, i, j) < 0) {
            Py_DECREF(out);
            return NULL;
        }
        i = j;
    }
#undef CLASS_AT
    return out;
}

static PyMethodDef methods[] = {
    {"tokens", (PyCFunction)(void (*)(void))tokens, METH_FASTCALL,
     "tokens(text, start, end, classes): RE_TOKEN_FAST's token spans in text[start:end]"},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {
    PyModuleDef_HEAD_INIT, "claims._speedups", "The parser's tokeniser in C.", -1, methods,
};

PyMODINIT_FUNC
PyInit__speedups(void)
{
    return PyModule_Create(&module);
}
