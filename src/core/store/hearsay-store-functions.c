/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-store-functions.c: the SQL functions the schema and the
 * comparison call (hearsay_word_count here, the bag functions in
 * hearsay-store-bag.c), registered on every connection, and the binding of
 * the comparison's scheme identifiers to named parameters (:claim, …). */
#include "config.h"

#include <stddef.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "hearsay-uuid.h"
#include "hearsay-store-private.h"
#include "hearsay-words.h"

static void
word_count_func (sqlite3_context  *context,
                 int               argc,
                 sqlite3_value   **argv)
{
  const char *text = (const char *) sqlite3_value_text (argv[0]);

  sqlite3_result_int64 (context, hearsay_words_count (text, sqlite3_value_bytes (argv[0])));
}

static void
uuid_func (sqlite3_context  *context,
           int               argc,
           sqlite3_value   **argv)
{
  sqlite3_result_text (context, hearsay_uuid_new (), -1, g_free);
}

void
hearsay_store_register_functions (sqlite3 *db)
{
  /* Not deterministic: a new UUID per call (schema step 6 fills old rows). */
  sqlite3_create_function (db, "hearsay_uuid", 0, SQLITE_UTF8, NULL, uuid_func, NULL, NULL);
  sqlite3_create_function (db, "hearsay_word_count", 1,
                           SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS,
                           NULL, word_count_func, NULL, NULL);
  hearsay_store_register_bag_functions (db);
}

#define KEY(name, field) { ":" name, offsetof (HearsayCompareKeys, field) }

static const struct {
  const char *parameter;
  gsize offset;
} key_parameters[] = {
  KEY ("claim", claim),
  KEY ("attributed_content", attributed_content),
  KEY ("source_mention", source_mention),
  KEY ("entity_mention", entity_mention),
  KEY ("persuasion", persuasion),
  KEY ("frame_cue", frame_cue),
  KEY ("boilerplate", boilerplate),
  KEY ("attributed_to", attributed_to),
  KEY ("relayed_by", relayed_by),
  KEY ("refers_to", refers_to),
  KEY ("same_claim_as", same_claim_as),
  KEY ("contradicts", contradicts),
  KEY ("identification", identification),
  KEY ("anonymous", anonymous),
  KEY ("described", described),
  KEY ("technique", technique),
  KEY ("dimension", dimension),
  KEY ("frames", frames_field),
  KEY ("primary_frame", primary_frame_field),
};

const char *
hearsay_store_key_value (const HearsayCompareKeys *keys,
                         const char               *parameter,
                         gsize                     length)
{
  for (guint i = 0; i < G_N_ELEMENTS (key_parameters); i++)
    if (strlen (key_parameters[i].parameter) == length &&
        strncmp (key_parameters[i].parameter, parameter, length) == 0)
      return G_STRUCT_MEMBER (const char *, keys, key_parameters[i].offset);
  return NULL;
}

gboolean
hearsay_store_is_key_parameter (const char *parameter,
                                gsize       length)
{
  for (guint i = 0; i < G_N_ELEMENTS (key_parameters); i++)
    if (strlen (key_parameters[i].parameter) == length &&
        strncmp (key_parameters[i].parameter, parameter, length) == 0)
      return TRUE;
  return FALSE;
}

void
hearsay_store_bind_keys (sqlite3_stmt             *stmt,
                         const HearsayCompareKeys *keys)
{
  for (guint i = 0; i < G_N_ELEMENTS (key_parameters); i++)
    {
      int index = sqlite3_bind_parameter_index (stmt, key_parameters[i].parameter);

      if (index > 0)
        hearsay_store_bind_text (stmt, index,
                                 G_STRUCT_MEMBER (const char *, keys, key_parameters[i].offset));
    }
}

gboolean
hearsay_store_exec_keys (HearsayStore             *self,
                         const char               *sql,
                         const HearsayCompareKeys *keys,
                         GError                  **error)
{
  const char *tail = sql;

  while (tail != NULL && *tail != '\0')
    {
      sqlite3_stmt *stmt = NULL;
      int rc = sqlite3_prepare_v2 (self->db, tail, -1, &stmt, &tail);

      if (rc != SQLITE_OK)
        {
          hearsay_store_set_error (self, error, _("could not update the comparison’s figures"));
          return FALSE;
        }
      if (stmt == NULL)  /* only white space or a comment was left */
        continue;
      hearsay_store_bind_keys (stmt, keys);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        ;
      sqlite3_finalize (stmt);
      if (rc != SQLITE_DONE)
        {
          hearsay_store_set_error (self, error, _("could not update the comparison’s figures"));
          return FALSE;
        }
    }
  return TRUE;
}
