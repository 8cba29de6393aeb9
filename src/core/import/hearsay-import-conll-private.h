/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-import-conll-private.h: the token model CoNLL-2003 and CoNLL-U
 * files are read into, and what anchors it on a text. */
#pragma once

#ifndef HEARSAY_IMPORT_COMPILATION
#error "hearsay-import-conll-private.h is private to src/core/import"
#endif

#include "hearsay-import-private.h"

G_BEGIN_DECLS

/* A surface token: what the text holds (a CoNLL-U multiword token, not its words). */
typedef struct
{
  char *form;
  guint line;
  char *after;        /* CoNLL-U: the white space after it (SpaceAfter=No: "",
                         SpacesAfter=…), or NULL: one space */
  gint64 start, end;  /* code points, once anchored */
} HearsayConllToken;

/* A tagged word: its IOB tag ("O", "B-PER"…) and the surface token that holds it. */
typedef struct
{
  char *tag;
  guint token;
  guint line;
} HearsayConllWord;

typedef struct
{
  GArray *tokens;     /* HearsayConllToken */
  GArray *words;      /* HearsayConllWord */
  char *text;         /* CoNLL-U "# text =", or NULL */
  guint line;
  gboolean newpar;    /* CoNLL-U "# newpar" before it */
} HearsayConllSentence;

typedef struct
{
  char *title;        /* CoNLL-U "# newdoc id =", or NULL */
  GPtrArray *sentences;
  guint line;
} HearsayConllDocument;

HearsayConllSentence *hearsay_conll_sentence_new   (guint                  line);
void                  hearsay_conll_sentence_free  (gpointer               sentence);
HearsayConllDocument *hearsay_conll_document_new   (guint                  line);
void                  hearsay_conll_document_free  (gpointer               document);
void                  hearsay_conll_add_token      (HearsayConllSentence  *sentence,
                                                    const char            *form,
                                                    guint                  line);
/* TRUE for "O" and PREFIX-TYPE with PREFIX one of B I E S L U. */
gboolean              hearsay_conll_is_tag         (const char            *tag);

/* Stores @documents: each on the text of the same rank in @texts (files
 * given alongside), or on a text rebuilt from its tokens (CoNLL-U: its
 * "# text" lines, SpaceAfter and SpacesAfter; CoNLL-2003: one space
 * between tokens); tokens anchored in order, refused where they do not
 * match; tags to annotations of @annotator. */
gboolean              hearsay_conll_store          (HearsayImportContext  *ctx,
                                                    const char            *path,
                                                    GPtrArray             *documents,
                                                    char                 **texts,
                                                    const char            *annotator,
                                                    GError               **error);
/* The file and its texts from a unit's path (see hearsay_import_conll_expand). */
char                 *hearsay_conll_unit_path      (const char            *unit,
                                                    char                ***texts);
gboolean              hearsay_import_conllu_read   (const char            *path,
                                                    GPtrArray             *documents,
                                                    GError               **error);

G_END_DECLS
