// SPDX-License-Identifier: GPL-2.0
/*
 * Fixture: which occurrences a "Sound:" comment justifies. raw-api.py
 * --unsound must list exactly the lines named here (make check compares):
 * Unjustified: 43 44 52 57 59 60
 */

/* Justified: the comment is on the same line. */
static void same_line(struct safe_span *sp)
{
	ACCESS_PRIVATE(sp, len) = 0; /* Sound: an empty span is valid. */
	ACCESS_PRIVATE(sp, len) = 0; // Sound: the same, as a C++ comment.
}

/*
 * Justified: the comment at the top of the paragraph covers every line of it,
 * whatever the category.
 */
static void top_of_paragraph(struct safe_span *sp, void *p, u32 n)
{
	/* Sound: @p holds @n bytes, and nothing else aliases it. */
	*sp = safe_span_from_raw(p, n);
	ACCESS_PRIVATE(sp, len) = n;
	n = (__force u32)cpu_to_le32(n);
	kfree(p);
}

/**
 * justified_by_kerneldoc() - the kernel-doc directly above a short function
 * @p: memory of at least 8 bytes
 *
 * Sound: the caller's contract says @p holds 8 bytes.
 */
static struct safe_span justified_by_kerneldoc(void *p)
{
	return safe_span_from_raw(p, 8);
}

/* Sound: said a paragraph too early: the blank line below ends it. */

static void blank_line(struct safe_span *sp, void *p)
{
	*sp = safe_span_from_raw(p, 8);
	ACCESS_PRIVATE(sp, len) = 8;
}

static void nearer_comment(struct safe_span *sp, void *p)
{
	/* Sound: the first use is covered... */
	*sp = safe_span_from_raw(p, 8);
	/* ...but this plain comment is nearer to the second. */
	ACCESS_PRIVATE(sp, len) = 8;
}

static void no_comment(u32 *w)
{
	union { u32 w; float f; } pun = { .w = *w };

	pr_info("Sound: a string is no comment %d\n", ACCESS_PRIVATE(w, x));
	goto out; /* a plain same-line comment */
out:
	*w = pun.w;
}
