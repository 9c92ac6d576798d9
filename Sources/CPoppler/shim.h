// poppler's GLib API (Debian: libpoppler-glib-dev), reduced to the few calls
// GongkaiPDF makes, so Swift sees plain C functions and no GObject casts.
#include <poppler.h>
#include <string.h>

static void gk_poppler_ignore(const gchar *domain, GLogLevelFlags level, const gchar *message, gpointer data) {
    (void)domain; (void)level; (void)message; (void)data;
}

/// poppler-glib reports syntax errors of damaged files through g_log in the
/// "Poppler" domain; a library must not print them. Idempotent.
static inline void gk_poppler_quiet(void) {
    static gsize done = 0;
    if (g_once_init_enter(&done)) {
        g_log_set_handler("Poppler", (GLogLevelFlags)(G_LOG_LEVEL_MASK | G_LOG_FLAG_FATAL | G_LOG_FLAG_RECURSION),
                          gk_poppler_ignore, NULL);
        g_once_init_leave(&done, 1);
    }
}

/// Opens a PDF from memory (the bytes are copied); NULL and `*error` set to
/// a PopplerError code (or -1) when it cannot be opened.
static inline PopplerDocument *gk_pdf_open(const void *data, size_t length, int *error) {
    GBytes *bytes = g_bytes_new(data, length);
    GError *failure = NULL;
    PopplerDocument *document = poppler_document_new_from_bytes(bytes, NULL, &failure);
    g_bytes_unref(bytes);
    if (document == NULL) {
        *error = (failure != NULL && failure->domain == POPPLER_ERROR) ? failure->code : -1;
        if (failure != NULL) g_error_free(failure);
    }
    return document;
}

static inline int gk_pdf_page_count(PopplerDocument *document) {
    return poppler_document_get_n_pages(document);
}

/// The text of a page in reading order (UTF-8, free with gk_pdf_free_text), or NULL.
static inline char *gk_pdf_page_text(PopplerDocument *document, int index) {
    PopplerPage *page = poppler_document_get_page(document, index);
    if (page == NULL) return NULL;
    char *text = poppler_page_get_text(page);
    g_object_unref(page);
    return text;
}

/// The contents of the page's annotations (notes, comments), joined by
/// newlines (free with gk_pdf_free_text), or NULL when there are none.
static inline char *gk_pdf_page_annotations(PopplerDocument *document, int index) {
    PopplerPage *page = poppler_document_get_page(document, index);
    if (page == NULL) return NULL;
    GString *all = NULL;
    GList *mapping = poppler_page_get_annot_mapping(page);
    for (GList *item = mapping; item != NULL; item = item->next) {
        PopplerAnnotMapping *m = (PopplerAnnotMapping *)item->data;
        gchar *contents = poppler_annot_get_contents(m->annot);
        if (contents != NULL && contents[0] != '\0') {
            if (all == NULL) all = g_string_new(NULL); else g_string_append_c(all, '\n');
            g_string_append(all, contents);
        }
        g_free(contents);
    }
    poppler_page_free_annot_mapping(mapping);
    g_object_unref(page);
    return all == NULL ? NULL : g_string_free(all, FALSE);
}

static inline void gk_pdf_free_text(char *text) { g_free(text); }

static inline void gk_pdf_close(PopplerDocument *document) { g_object_unref(document); }
