/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-import-webanno-tsv-cells.c: the WebAnno TSV reader's second pass —
 * each row's cells (stacked values, [N] ids, chain links, relation sources,
 * slot roles and targets) read into spans and relations, then references
 * resolved as INCEpTION's Tsv3XDeserializer resolves them. */
#include "config.h"

#include <inttypes.h>

#include <string.h>
#include <glib/gi18n-lib.h>

#include "hearsay-import-webanno-tsv-private.h"

void
hearsay_tsv_pending_relation_free (gpointer data)
{
  PendingRelation *p = data;

  g_free (p->source);
  g_free (p);
}

void
hearsay_tsv_pending_slot_free (gpointer data)
{
  PendingSlot *p = data;

  g_strfreev (p->roles);
  g_free (p->targets);
  g_free (p);
}

/* Escapes */

static gboolean
escaped_at (const char *start,
            const char *p)
{
  guint n = 0;

  while (p > start && p[-1] == '\\')
    p--, n++;
  return n % 2 == 1;
}

/* @cell split at each @sep that is not escaped. */
static GPtrArray *
split_cell (const char *cell,
            char        sep)
{
  GPtrArray *parts = g_ptr_array_new_with_free_func (g_free);
  const char *start = cell;

  for (const char *p = cell; ; p++)
    {
      if (*p == '\0' || (*p == sep && !escaped_at (cell, p)))
        {
          g_ptr_array_add (parts, g_strndup (start, p - start));
          if (*p == '\0')
            break;
          start = p + 1;
        }
    }
  return parts;
}

/* "VALUE[INFO]" → VALUE and INFO; "VALUE->C-E" (chains) → VALUE and "C-E". */
static char *
take_suffix (const char  *raw,
             char       **info)
{
  gsize n = strlen (raw);

  *info = NULL;
  if (n > 0 && raw[n - 1] == ']' && !escaped_at (raw, raw + n - 1))
    {
      for (const char *p = raw + n - 2; p >= raw; p--)
        if (*p == '[' && !escaped_at (raw, p))
          {
            *info = g_strndup (p + 1, raw + n - 1 - (p + 1));
            return g_strndup (raw, p - raw);
          }
    }
  for (const char *p = raw + n; p > raw + 1; p--)
    {
      const char *arrow = p - 2;

      if (arrow[0] == '-' && arrow[1] == '>' && !escaped_at (raw, arrow))
        {
          const char *q = p;
          gsize d1 = strspn (q, "0123456789");

          if (d1 > 0 && q[d1] == '-' && strspn (q + d1 + 1, "0123456789") > 0 &&
              q[d1 + 1 + strspn (q + d1 + 1, "0123456789")] == '\0')
            {
              *info = g_strdup (q);
              return g_strndup (raw, arrow - raw);
            }
          break;
        }
    }
  return g_strdup (raw);
}

static char *
unescape_value (const char *s)
{
  GString *out = g_string_new (NULL);

  for (const char *p = s; *p; p++)
    {
      if (*p != '\\' || p[1] == '\0')
        {
          g_string_append_c (out, *p);
          continue;
        }
      switch (p[1])
        {
        case '\\': case '[': case ']': case '|': case '_': case ';': case '*':
          g_string_append_c (out, p[1]);
          p++;
          break;
        case 't':
          g_string_append_c (out, '\t');
          p++;
          break;
        case 'n':
          g_string_append_c (out, '\n');
          p++;
          break;
        case 'r':
          g_string_append_c (out, '\r');
          p++;
          break;
        case '-':
          if (p[2] == '>')
            {
              g_string_append (out, "->");
              p += 2;
              break;
            }
          G_GNUC_FALLTHROUGH;
        default:
          g_string_append_c (out, '\\');
        }
    }
  return g_string_free (out, FALSE);
}

/* "S-T" or "S-T.N". */
gboolean
hearsay_tsv_parse_id (const char *id,
          guint      *sentence,
          guint      *token,
          guint      *sub)
{
  char *rest = NULL;

  *sub = 0;
  if (!g_ascii_isdigit (id[0]))
    return FALSE;
  *sentence = (guint) g_ascii_strtoull (id, &rest, 10);
  if (*rest != '-' || !g_ascii_isdigit (rest[1]))
    return FALSE;
  *token = (guint) g_ascii_strtoull (rest + 1, &rest, 10);
  if (*rest == '.')
    {
      if (!g_ascii_isdigit (rest[1]))
        return FALSE;
      *sub = (guint) g_ascii_strtoull (rest + 1, &rest, 10);
      if (*sub == 0)
        return FALSE;
    }
  return *rest == '\0' && *sentence > 0 && *token > 0;
}

static Unit *
find_unit (Tsv        *t,
           const char *id)
{
  guint s, k, sub;
  GPtrArray *tokens;
  Unit *u;

  if (!hearsay_tsv_parse_id (id, &s, &k, &sub) || s > t->sentences->len)
    return NULL;
  tokens = g_ptr_array_index (t->sentences, s - 1);
  if (k > tokens->len)
    return NULL;
  u = g_ptr_array_index (tokens, k - 1);
  if (sub == 0)
    return u;
  return sub <= u->subtokens->len ? g_ptr_array_index (u->subtokens, sub - 1) : NULL;
}

/* Pass 2: the annotations */

static GPtrArray *
stack_of (Unit  *u,
          guint  layer)
{
  if (u->stacks[layer] == NULL)
    u->stacks[layer] = g_ptr_array_new ();
  return u->stacks[layer];
}

static gpointer
stacked (Unit  *u,
         guint  layer,
         guint  k)
{
  return u->stacks[layer] != NULL && k < u->stacks[layer]->len ? g_ptr_array_index (u->stacks[layer], k) : NULL;
}

static void
extend (HearsayCasSpan *span,
        Unit           *u)
{
  span->begin = MIN (span->begin, u->begin);
  span->end = MAX (span->end, u->end);
}

static gboolean
parse_id_number (const char *s,
                 int        *n)
{
  char *rest = NULL;

  if (!g_ascii_isdigit (s[0]))
    return FALSE;
  *n = (int) g_ascii_strtoll (s, &rest, 10);
  return *rest == '\0';
}

/* The span of layer @layer at stacking index @k of @u, found by its
 * disambiguation id on an earlier row, or new. */
static HearsayCasSpan *
span_at (Tsv         *t,
         Unit        *u,
         guint        layer,
         guint        k,
         const char  *info,
         GError     **error)
{
  Layer *l = g_ptr_array_index (t->layers, layer);
  HearsayCasSpan *span = stacked (u, layer, k);
  int id = -1;

  if (info != NULL && !parse_id_number (info, &id))
    {
      hearsay_import_fail (error, t->path, u->line, _("“[%s]” is not an annotation id"), info);
      return NULL;
    }
  if (span == NULL && id > 0 && (span = g_hash_table_lookup (t->ids, GINT_TO_POINTER (id))) != NULL)
    {
      if (g_strcmp0 (span->type, l->type) != 0)
        {
          hearsay_import_fail (error, t->path, u->line, _("[%d] is an annotation of %s, not of %s"),
                               id, span->type, l->type);
          return NULL;
        }
      extend (span, u);
      g_ptr_array_add (stack_of (u, layer), span);
    }
  if (span == NULL)
    {
      span = hearsay_cas_add_span (t->cas, l->type, u->begin, u->end, u->line);
      g_ptr_array_add (stack_of (u, layer), span);
    }
  if (id > 0)
    g_hash_table_insert (t->ids, GINT_TO_POINTER (id), span);
  return span;
}

static gboolean
read_slot_role (Tsv             *t,
                Unit            *u,
                const Column    *c,
                HearsayCasSpan  *span,
                const char      *value)
{
  g_autofree char *key = g_strdup_printf ("%p/%s", (void *) span, c->feature);
  g_autoptr(GPtrArray) roles = NULL;
  PendingSlot *slot;

  /* A span over several rows repeats its slots on each: the first counts. */
  if (g_hash_table_contains (t->slots, key) || g_str_equal (value, "_"))
    return TRUE;
  roles = split_cell (value, ';');
  slot = g_new0 (PendingSlot, 1);
  slot->span = span;
  slot->column = c;
  slot->unit = u;
  slot->line = u->line;
  slot->roles = g_new0 (char *, roles->len + 1);
  for (guint i = 0; i < roles->len; i++)
    slot->roles[i] = g_str_equal (g_ptr_array_index (roles, i), "*") ? g_strdup ("")
                                                                      : unescape_value (g_ptr_array_index (roles, i));
  g_hash_table_insert (t->slots, g_steal_pointer (&key), slot);
  g_ptr_array_add (t->slot_order, slot);
  return TRUE;
}

static gboolean
read_span_cell (Tsv           *t,
                Unit          *u,
                guint          layer,
                const Column  *c,
                const char    *cell,
                GError       **error)
{
  g_autoptr(GPtrArray) values = split_cell (cell, '|');

  for (guint k = 0; k < values->len; k++)
    {
      const char *raw = g_ptr_array_index (values, k);
      g_autofree char *info = NULL;
      g_autofree char *value = NULL;
      HearsayCasSpan *span;

      if (c->kind == COL_SLOT_TARGET)
        {
          g_autofree char *key = NULL;
          PendingSlot *slot;

          if ((span = span_at (t, u, layer, k, NULL, error)) == NULL)
            return FALSE;
          key = g_strdup_printf ("%p/%s", (void *) span, c->feature);
          slot = g_hash_table_lookup (t->slots, key);
          if (slot != NULL && slot->targets == NULL && slot->unit == u)
            slot->targets = g_strdup (raw);
          continue;
        }
      value = take_suffix (raw, &info);
      if ((span = span_at (t, u, layer, k, info, error)) == NULL)
        return FALSE;
      if (c->kind == COL_PRIMITIVE && !g_str_equal (value, "*"))
        {
          g_autofree char *plain = unescape_value (value);

          hearsay_cas_set_feature (span->features, c->feature, plain);
        }
      else if (c->kind == COL_SLOT_ROLE)
        read_slot_role (t, u, c, span, value);
    }
  return TRUE;
}

static gboolean
read_relation_cell (Tsv           *t,
                    Unit          *u,
                    guint          layer,
                    const Column  *c,
                    const char    *cell,
                    GError       **error)
{
  Layer *l = g_ptr_array_index (t->layers, layer);
  g_autoptr(GPtrArray) values = split_cell (cell, '|');

  for (guint k = 0; k < values->len; k++)
    {
      g_autofree char *info = NULL;
      g_autofree char *value = take_suffix (g_ptr_array_index (values, k), &info);
      HearsayCasRelation *rel = stacked (u, layer, k);

      if (rel == NULL)
        {
          rel = hearsay_cas_add_relation (t->cas, l->type, NULL, NULL, u->line);
          g_ptr_array_add (stack_of (u, layer), rel);
        }
      if (c->kind == COL_PRIMITIVE && !g_str_equal (value, "*"))
        {
          g_autofree char *plain = unescape_value (value);

          hearsay_cas_set_feature (rel->features, c->feature, plain);
        }
      else if (c->kind == COL_RELATION_REF)
        {
          PendingRelation *p = g_new0 (PendingRelation, 1);

          p->relation = rel;
          p->unit = u;
          p->source = g_steal_pointer (&value);
          p->line = u->line;
          if (info != NULL)
            {
              g_auto(GStrv) ids = g_strsplit (info, "_", 2);

              if (ids[1] == NULL || !parse_id_number (ids[0], &p->source_id) ||
                  !parse_id_number (ids[1], &p->target_id))
                {
                  hearsay_tsv_pending_relation_free (p);
                  return hearsay_import_fail (error, t->path, u->line,
                                              _("“[%s]” is not a pair of annotation ids [SOURCE_TARGET]"), info);
                }
            }
          g_ptr_array_add (t->relations, p);
        }
    }
  return TRUE;
}

static gboolean
read_chain_cell (Tsv           *t,
                 Unit          *u,
                 guint          layer,
                 const Column  *c,
                 const char    *cell,
                 GError       **error)
{
  Layer *l = g_ptr_array_index (t->layers, layer);
  g_autoptr(GPtrArray) values = split_cell (cell, '|');

  for (guint k = 0; k < values->len; k++)
    {
      g_autofree char *info = NULL;
      g_autofree char *value = take_suffix (g_ptr_array_index (values, k), &info);
      HearsayCasSpan *span = stacked (u, layer, k);

      if (c->kind == COL_CHAIN_LINK)
        {
          int chain_id, element;
          g_auto(GStrv) ids = info ? g_strsplit (info, "-", 2) : NULL;
          GHashTable *chain;

          if (ids == NULL || ids[1] == NULL || !parse_id_number (ids[0], &chain_id) ||
              !parse_id_number (ids[1], &element))
            return hearsay_import_fail (error, t->path, u->line,
                                        _("the chain link “%s” does not end with ->CHAIN-ELEMENT"),
                                        (const char *) g_ptr_array_index (values, k));
          chain = g_hash_table_lookup (t->chains, GINT_TO_POINTER (chain_id));
          if (chain == NULL)
            {
              chain = g_hash_table_new (NULL, NULL);
              g_hash_table_insert (t->chains, GINT_TO_POINTER (chain_id), chain);
            }
          if (span == NULL && (span = g_hash_table_lookup (chain, GINT_TO_POINTER (element))) != NULL)
            {
              extend (span, u);
              g_ptr_array_add (stack_of (u, layer), span);
            }
          if (span == NULL)
            {
              span = hearsay_cas_add_span (t->cas, l->type, u->begin, u->end, u->line);
              span->chain = TRUE;
              g_ptr_array_add (stack_of (u, layer), span);
            }
          g_hash_table_insert (chain, GINT_TO_POINTER (element), span);
        }
      else if (span == NULL)
        return hearsay_import_fail (error, t->path, u->line,
                                    _("a %s value without its referenceRelation link"), c->feature);
      if (!g_str_equal (value, "*") && c->kind != COL_PLACEHOLDER)
        {
          g_autofree char *plain = unescape_value (value);

          hearsay_cas_set_feature (span->features, c->feature, plain);
        }
    }
  return TRUE;
}

static gboolean
read_unit (Tsv     *t,
           Unit    *u,
           GError **error)
{
  for (guint layer = 0; layer < t->layers->len; layer++)
    {
      Layer *l = g_ptr_array_index (t->layers, layer);

      /* Chains: the link column makes the element, the type column follows. */
      for (guint pass = 0; pass < (l->kind == LAYER_CHAIN ? 2 : 1); pass++)
        for (guint i = 0; i < l->columns->len; i++)
          {
            guint index = g_array_index (l->columns, guint, i);
            const Column *c = g_ptr_array_index (t->columns, index);
            const char *cell = u->fields[3 + index];
            gboolean ok = TRUE;

            if (g_str_equal (cell, "_"))
              continue;
            if (l->kind == LAYER_SPAN)
              ok = read_span_cell (t, u, layer, c, cell, error);
            else if (l->kind == LAYER_RELATION)
              ok = read_relation_cell (t, u, layer, c, cell, error);
            else if ((pass == 0) == (c->kind == COL_CHAIN_LINK))
              ok = read_chain_cell (t, u, layer, c, cell, error);
            if (!ok)
              return FALSE;
          }
    }
  return TRUE;
}

/* The annotation of @type that row @id (and id @n, when > 0) stands for. */
static HearsayCasSpan *
resolve (Tsv         *t,
         const char  *type,
         const char  *id,
         int          n,
         guint        line,
         GError     **error)
{
  guint layer = GPOINTER_TO_UINT (g_hash_table_lookup (t->layer_by_type, type));
  Unit *u;

  if (n > 0)
    {
      HearsayCasSpan *span = g_hash_table_lookup (t->ids, GINT_TO_POINTER (n));

      if (span == NULL)
        hearsay_import_fail (error, t->path, line, _("[%d] is the id of no annotation of the file"), n);
      return span;
    }
  if ((u = find_unit (t, id)) == NULL)
    {
      hearsay_import_fail (error, t->path, line, _("“%s” is not a row of the file"), id);
      return NULL;
    }
  if (layer == 0 || stacked (u, layer - 1, 0) == NULL)
    {
      hearsay_import_fail (error, t->path, line, _("row %s has no annotation of %s to link"), id, type);
      return NULL;
    }
  return stacked (u, layer - 1, 0);
}

static gboolean
resolve_relations (Tsv     *t,
                   GError **error)
{
  for (guint i = 0; i < t->relations->len; i++)
    {
      PendingRelation *p = g_ptr_array_index (t->relations, i);
      HearsayCasRelation *rel = p->relation;
      guint layer = GPOINTER_TO_UINT (g_hash_table_lookup (t->layer_by_type, rel->type)) - 1;
      Layer *l = g_ptr_array_index (t->layers, layer);
      const char *attach = NULL;

      for (guint k = 0; k < l->columns->len; k++)
        {
          const Column *c = g_ptr_array_index (t->columns, g_array_index (l->columns, guint, k));

          if (c->kind == COL_RELATION_REF)
            attach = c->target_type;
        }
      /* DKPro's Dependency joins tokens whatever BT_ says (INCEpTION's
       * reader does the same); Hearsay keeps no tokens. */
      if (g_str_equal (attach, HEARSAY_CAS_TOKEN) || g_str_equal (rel->type, HEARSAY_CAS_DEPENDENCY))
        {
          guint n = GPOINTER_TO_UINT (g_hash_table_lookup (t->token_relations, rel->type));

          g_hash_table_insert (t->token_relations, rel->type, GUINT_TO_POINTER (n + 1));
          continue;
        }
      if ((rel->from = resolve (t, attach, p->source, p->source_id, p->line, error)) == NULL ||
          (rel->to = resolve (t, attach, p->unit->id, p->target_id, p->line, error)) == NULL)
        return FALSE;
    }
  return TRUE;
}

static gboolean
resolve_slots (Tsv     *t,
               GError **error)
{
  for (guint i = 0; i < t->slot_order->len; i++)
    {
      PendingSlot *slot = g_ptr_array_index (t->slot_order, i);
      g_autoptr(GPtrArray) targets = slot->targets ? split_cell (slot->targets, ';') : NULL;
      guint n_roles = g_strv_length (slot->roles);

      if (targets == NULL || targets->len != n_roles)
        return hearsay_import_fail (error, t->path, slot->line,
                                    _("the slot feature %s has %u roles but %u targets"),
                                    slot->column->feature, n_roles, targets ? targets->len : 0);
      for (guint k = 0; k < n_roles; k++)
        {
          g_autofree char *info = NULL;
          g_autofree char *id = take_suffix (g_ptr_array_index (targets, k), &info);
          int n = 0;
          HearsayCasSpan *target;
          HearsayCasRelation *rel;
          const char *type = NULL;

          for (guint c = 0; c < t->columns->len; c++)
            {
              const Column *col = g_ptr_array_index (t->columns, c);

              if (col->kind == COL_SLOT_TARGET && col->layer == slot->column->layer &&
                  g_str_equal (col->feature, slot->column->feature))
                type = col->target_type;
            }
          if (info != NULL && !parse_id_number (info, &n))
            return hearsay_import_fail (error, t->path, slot->line, _("“[%s]” is not an annotation id"), info);
          if ((target = resolve (t, type, id, n, slot->line, error)) == NULL)
            return FALSE;
          rel = hearsay_cas_add_relation (t->cas, slot->span->type, slot->span, target, slot->line);
          rel->label = g_strdup (*slot->roles[k] ? slot->roles[k] : slot->column->feature);
        }
    }
  return TRUE;
}

static int
compare_ints (gconstpointer a,
              gconstpointer b)
{
  int x = GPOINTER_TO_INT (*(gpointer *) a), y = GPOINTER_TO_INT (*(gpointer *) b);

  return x < y ? -1 : x > y;
}

/* Each element of a chain links to the next; referenceRelation names it. */
static void
resolve_chains (Tsv *t)
{
  g_autoptr(GList) chain_ids = g_hash_table_get_keys (t->chains);
  g_autoptr(GPtrArray) ordered = g_ptr_array_new ();

  for (GList *l = chain_ids; l != NULL; l = l->next)
    g_ptr_array_add (ordered, l->data);
  g_ptr_array_sort (ordered, compare_ints);
  for (guint c = 0; c < ordered->len; c++)
    {
      GHashTable *chain = g_hash_table_lookup (t->chains, g_ptr_array_index (ordered, c));
      g_autoptr(GList) keys = g_hash_table_get_keys (chain);
      g_autoptr(GPtrArray) elements = g_ptr_array_new ();

      for (GList *l = keys; l != NULL; l = l->next)
        g_ptr_array_add (elements, l->data);
      g_ptr_array_sort (elements, compare_ints);
      for (guint i = 0; i + 1 < elements->len; i++)
        {
          HearsayCasSpan *from = g_hash_table_lookup (chain, g_ptr_array_index (elements, i));
          HearsayCasSpan *to = g_hash_table_lookup (chain, g_ptr_array_index (elements, i + 1));
          const char *name = hearsay_cas_get_feature (from->features, "referenceRelation");
          HearsayCasRelation *rel = hearsay_cas_add_relation (t->cas, from->type, from, to, from->line);

          if (name != NULL)
            rel->label = g_strdup (name);
          else
            {
              const char *base = hearsay_cas_short_name (from->type);
              g_autofree char *cut = g_strndup (base, g_str_has_suffix (base, "Link") && strlen (base) > 4
                                                      ? strlen (base) - 4 : strlen (base));

              rel->label = hearsay_import_identifier (cut);
            }
        }
    }
  for (guint i = 0; i < t->cas->spans->len; i++)
    {
      HearsayCasSpan *span = g_ptr_array_index (t->cas->spans, i);

      if (span->chain)
        g_hash_table_remove (span->features, "referenceRelation");
    }
}

gboolean
hearsay_tsv_read_annotations (Tsv     *t,
                              GError **error)
{
  g_autoptr(HearsayOffsetReader) reader = hearsay_offset_reader_new (t->cas->text, &t->convention);
  g_autoptr(HearsayTextIndex) index = hearsay_text_index_new (t->cas->text);

  for (guint i = 0; i < t->units->len; i++)
    {
      Unit *u = g_ptr_array_index (t->units, i);

      if (!hearsay_import_convert_span (reader, &t->convention, u->fbegin, u->fend, &u->begin, &u->end,
                                        t->path, u->line, error))
        return FALSE;
      if (!hearsay_import_text_matches (index, u->begin, u->end, u->fields[2]))
        {
          const char *s = hearsay_text_index_pointer (index, u->begin);
          g_autofree char *found = g_strndup (s, hearsay_text_index_pointer (index, u->end) - s);
          g_autofree char *unit = hearsay_offset_convention_describe (&t->convention);

          return hearsay_import_fail (error, t->path, u->line,
                                      _("the row says “%s” but the text at %" PRId64 "–%" PRId64
                                        " (%s) is “%s”"),
                                      u->fields[2], u->fbegin, u->fend, unit, found);
        }
    }
  for (guint i = 0; i < t->units->len; i++)
    if (!read_unit (t, g_ptr_array_index (t->units, i), error))
      return FALSE;
  if (!resolve_relations (t, error) || !resolve_slots (t, error))
    return FALSE;
  resolve_chains (t);
  /* Relations joining tokens are not annotations' relations. */
  for (guint i = t->cas->relations->len; i > 0; i--)
    {
      HearsayCasRelation *rel = g_ptr_array_index (t->cas->relations, i - 1);

      if (rel->from == NULL || rel->to == NULL)
        g_ptr_array_remove_index (t->cas->relations, i - 1);
    }
  {
    GHashTableIter iter;
    gpointer key, value;

    g_hash_table_iter_init (&iter, t->token_relations);
    while (g_hash_table_iter_next (&iter, &key, &value))
      hearsay_import_skip (t->ctx, t->path, 0,
                           _("%u relations of %s join tokens, which Hearsay does not keep; they are left out"),
                           GPOINTER_TO_UINT (value), (const char *) key);
  }
  return TRUE;
}

