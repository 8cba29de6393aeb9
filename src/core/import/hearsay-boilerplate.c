/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-boilerplate.c: rules for page furniture, line by line. The rules
 * look at the wording of a line (consent vocabulary, follow-us calls,
 * "Lire aussi"/"Read more", photo credits) and at its neighbours (a button
 * label or a short tagline between furniture lines is furniture too). They
 * know French and English; they never look for one site's strings. */
#define _GNU_SOURCE  /* memmem */
#include "config.h"

#include <string.h>

#include "hearsay-boilerplate.h"
#include "hearsay-project-bulk.h"

#define SHORT_LINE_CHARS 50

int hearsay_boilerplate_span_compare (gconstpointer a,
                                      gconstpointer b);
#define SHORT_LINE_WORDS 6

typedef struct
{
  const char *start;   /* trimmed line, bytes */
  const char *end;
  gint64 cp_start;
  gint64 cp_end;
  const char *kind;
} Line;

/* Consent vocabulary. Each of these alone marks a short line. */
static const char * const consent_strong[] = {
  "cookies", "traceur", "tout accepter", "tout refuser", "accepter et fermer",
  "continuer sans accepter", "paramétrer vos choix", "paramétrer les cookies",
  "politique de confidentialité", "accept all", "reject all", "privacy policy",
  "cookie policy", "manage preferences", "manage cookies", "privacy settings",
  "gdpr", "rgpd", NULL
};
/* These count only together with another consent term. */
static const char * const consent_weak[] = {
  "consentez", "consentement", "you consent", "your consent", "données personnelles",
  "personal data", "vos choix", "your choices", "vos droits", "your rights",
  "partenaires", "partners", "finalités", "purposes", NULL
};
static const char * const follow_verbs[] = {
  "suivez", "follow", "retrouvez-nous", "rejoignez-nous", "join us", "like us", NULL
};
static const char * const promo_starts[] = {
  "abonnez-vous", "abonnez vous", "subscribe", "inscrivez-vous", "sign up",
  "téléchargez notre", "téléchargez l'application", "download our", "get our newsletter",
  "recevez notre newsletter", "soutenez", "support our", NULL
};
static const char * const networks[] = {
  "telegram", "twitter", "facebook", "instagram", "youtube", "tiktok", "whatsapp",
  "linkedin", "vkontakte", "mastodon", "bluesky", "threads", "google news",
  "newsletter", "rss", NULL
};
static const char * const related_starts[] = {
  "lire aussi", "à lire aussi", "a lire aussi", "lire également", "à lire également",
  "a lire également", "voir aussi", "sur le même sujet", "read more", "read also",
  "also read", "see also", "related:", "related :", "related articles", "related stories",
  "more on this", NULL
};
static const char * const credit_terms[] = {
  "©", "crédit photo", "crédits photo", "photo credit", "credit:", "crédit :",
  "photo :", "photo:", "photograph:", NULL
};
static const char * const button_labels[] = {
  "ok", "accepter", "j'accepte", "j’accepte", "refuser", "fermer", "accept",
  "i agree", "agree", "got it", "close", "j'ai compris", "j’ai compris", NULL
};

static guint
count_terms (const char         *folded,
             const char * const *terms)
{
  guint n = 0;

  for (guint i = 0; terms[i]; i++)
    if (strstr (folded, terms[i]) != NULL)
      n++;
  return n;
}

static gboolean
starts_with_any (const char         *folded,
                 const char * const *terms)
{
  for (guint i = 0; terms[i]; i++)
    if (g_str_has_prefix (folded, terms[i]))
      return TRUE;
  return FALSE;
}

static gboolean
is_short_line (const Line *line,
               const char *folded)
{
  gint64 chars = line->cp_end - line->cp_start;
  guint words = 1;
  gunichar last;

  if (chars > SHORT_LINE_CHARS)
    return FALSE;
  for (const char *p = folded; *p; p++)
    if (*p == ' ')
      words++;
  last = g_utf8_get_char (g_utf8_find_prev_char (line->start, line->end));
  /* A sentence, however short, is text: furniture has no final punctuation. */
  return words <= SHORT_LINE_WORDS && last != '.' && last != '!' && last != '?' && last != ':' &&
         last != ';' && last != '"' && last != 0x2026 /* … */ && last != 0xBB /* » */;
}

static const char *
rule_kind (const Line *line,
           const char *folded)
{
  gint64 chars = line->cp_end - line->cp_start;
  guint strong = count_terms (folded, consent_strong);
  guint weak = count_terms (folded, consent_weak);

  if ((strong >= 1 && chars <= 200) || strong + weak >= 2)
    return "consent_notice";
  if (chars <= 140 && starts_with_any (folded, follow_verbs) && count_terms (folded, networks) > 0)
    return "promo_call_to_action";
  if (chars <= 140 && starts_with_any (folded, promo_starts))
    return "promo_call_to_action";
  if (chars <= 300 && starts_with_any (folded, related_starts))
    return "related_link";
  if (chars <= 300 && count_terms (folded, credit_terms) > 0)
    return "caption";
  return NULL;
}

static gint64
count_code_points (const char *s,
                   const char *e)
{
  gint64 n = 0;

  for (; s < e; s++)
    n += ((guchar) *s & 0xC0) != 0x80;
  return n;
}

static GArray *
split_lines (const char *text)
{
  GArray *lines = g_array_new (FALSE, TRUE, sizeof (Line));
  const char *p = text;
  gint64 cp = 0;

  while (*p)
    {
      const char *eol = strchr (p, '\n');
      const char *end = eol ? eol : p + strlen (p);
      const char *s = p, *e = end;
      Line line = { 0 };

      while (s < e && g_unichar_isspace (g_utf8_get_char (s)))
        s = g_utf8_next_char (s);
      while (e > s)
        {
          const char *prev = g_utf8_find_prev_char (s, e);

          if (prev == NULL || !g_unichar_isspace (g_utf8_get_char (prev)))
            break;
          e = prev;
        }
      /* A BOM at the start of the text is not part of the first line. */
      if (s == text && g_str_has_prefix (s, "\xEF\xBB\xBF") && s + 3 <= e)
        s += 3;
      line.start = s;
      line.end = e;
      line.cp_start = cp + count_code_points (p, s);
      line.cp_end = line.cp_start + count_code_points (s, e);
      if (e > s)
        g_array_append_val (lines, line);
      cp = line.cp_end + count_code_points (e, end);
      if (eol == NULL)
        break;
      cp++;
      p = eol + 1;
    }
  return lines;
}

static char *
fold_line (const Line *line)
{
  return g_utf8_casefold (line->start, line->end - line->start);
}

/* Beyond 300 characters only the consent rule applies, and a notice that
 * long always names what it is about (cookies, trackers, consent, privacy,
 * personal data, partners): a long paragraph without one of these stems is
 * not folded at all. */
static gboolean
may_be_consent (const Line *line)
{
  static const char * const stems[] = {
    "ookie", "raceur", "onsent", "rivacy", "onfidentialit", "artenaire", "artner", "ersonal", "onnées", NULL
  };

  for (guint i = 0; stems[i]; i++)
    if (memmem (line->start, line->end - line->start, stems[i], strlen (stems[i])) != NULL)
      return TRUE;
  return FALSE;
}

/* The kind a rule gave a line; "" (marked by the page's structure) is none. */
static const char *
rule_mark (const Line *line)
{
  return line->kind != NULL && *line->kind != '\0' ? line->kind : NULL;
}

/* The rules of the file's comment, applied to @lines in place; lines with a
 * kind already keep it. */
static void
apply_rules (GArray *lines)
{
  for (guint i = 0; i < lines->len; i++)
    {
      Line *line = &g_array_index (lines, Line, i);
      g_autofree char *folded = NULL;

      /* Lines already marked (by the page's structure) are not folded again. */
      if (line->kind != NULL || (line->cp_end - line->cp_start > 300 && !may_be_consent (line)))
        continue;
      folded = fold_line (line);
      line->kind = rule_kind (line, folded);
    }
  /* A button label next to a consent notice belongs to it. */
  for (guint i = 0; i < lines->len; i++)
    {
      Line *line = &g_array_index (lines, Line, i);
      g_autofree char *folded = NULL;
      const char *prev = i > 0 ? rule_mark (&g_array_index (lines, Line, i - 1)) : NULL;
      const char *next = i + 1 < lines->len ? rule_mark (&g_array_index (lines, Line, i + 1)) : NULL;

      if (line->kind != NULL || line->cp_end - line->cp_start > 40 ||
          (g_strcmp0 (prev, "consent_notice") != 0 && g_strcmp0 (next, "consent_notice") != 0))
        continue;
      folded = fold_line (line);
      for (guint j = 0; button_labels[j]; j++)
        if (strcmp (folded, button_labels[j]) == 0 &&
            (g_strcmp0 (prev, "consent_notice") == 0 || g_strcmp0 (next, "consent_notice") == 0))
          line->kind = "consent_notice";
    }
  /* A short line without final punctuation between two furniture lines
   * (a tagline, a menu entry) is furniture too. */
  for (guint i = 1; i + 1 < lines->len; i++)
    {
      Line *line = &g_array_index (lines, Line, i);
      const char *prev = rule_mark (&g_array_index (lines, Line, i - 1));
      const char *next = rule_mark (&g_array_index (lines, Line, i + 1));
      g_autofree char *folded = NULL;

      if (line->kind != NULL || prev == NULL || next == NULL)
        continue;
      folded = fold_line (line);
      if (is_short_line (line, folded))
        line->kind = strcmp (prev, next) == 0 ? prev : "navigation";
    }
}

GArray *
hearsay_boilerplate_detect (const char *text)
{
  g_autoptr(GArray) lines = NULL;
  GArray *spans = g_array_new (FALSE, FALSE, sizeof (HearsayBoilerplateSpan));

  g_return_val_if_fail (text != NULL, spans);
  lines = split_lines (text);
  apply_rules (lines);
  for (guint i = 0; i < lines->len; i++)
    {
      const Line *line = &g_array_index (lines, Line, i);
      HearsayBoilerplateSpan span = { line->cp_start, line->cp_end, line->kind, NULL };

      if (line->kind != NULL)
        g_array_append_val (spans, span);
    }
  return spans;
}

/* Repeated lines across the documents of one outlet. A line is marked in
 * every document of the outlet that holds it once enough documents hold it:
 * two for a short line without final punctuation (a menu entry, a tagline),
 * three for any other. The rule looks only at the set of documents, so the
 * marks are the same whatever the order of import: when a line reaches its
 * count, the documents imported before that hold it are marked too. */

typedef struct
{
  guint count;        /* documents of the outlet holding the line */
  gint64 first[2];    /* the first two of them */
  guint8 settled;     /* bit k: first[k] has the line marked already (or covered) */
} LineInfo;

typedef struct
{
  GHashTable *lines;  /* line hash (as a pointer) → index + 1 into @infos */
  GArray *infos;      /* LineInfo */
} OutletLines;

struct _HearsayBoilerplateContext
{
  HearsayProject *project;
  GHashTable *outlets;    /* outlet → OutletLines */
  GHashTable *imported;   /* document id → HearsayDocument of this context */
  guint n_elsewhere;      /* marks added to other documents than the one being marked */
};

static void
outlet_lines_free (gpointer data)
{
  OutletLines *o = data;

  g_hash_table_unref (o->lines);
  g_array_unref (o->infos);
  g_free (o);
}

static guint64
line_hash (const Line *line)
{
  /* FNV-1a, 64 bits: a collision among a project's lines is negligible. */
  guint64 h = G_GUINT64_CONSTANT (0xcbf29ce484222325);

  for (const char *p = line->start; p < line->end; p++)
    {
      h ^= (guchar) *p;
      h *= G_GUINT64_CONSTANT (0x100000001b3);
    }
  return h;
}

static gboolean
counts_as_line (const Line *line)
{
  return line->cp_end - line->cp_start >= 2;
}

static guint
threshold (const Line *line)
{
  g_autofree char *folded = fold_line (line);

  return is_short_line (line, folded) ? 2 : 3;
}

static LineInfo *
line_info (OutletLines *o,
           guint64      h,
           gboolean     create)
{
  guint i = GPOINTER_TO_UINT (g_hash_table_lookup (o->lines, GSIZE_TO_POINTER ((gsize) h)));

  if (i == 0)
    {
      LineInfo info = { 0, { 0, 0 }, 0 };

      if (!create)
        return NULL;
      g_array_append_val (o->infos, info);
      i = o->infos->len;
      g_hash_table_insert (o->lines, GSIZE_TO_POINTER ((gsize) h), GUINT_TO_POINTER (i));
    }
  return &g_array_index (o->infos, LineInfo, i - 1);
}

/* Counts the lines of document @id; @settled (may be NULL) says which of
 * them are marked already. Hashes whose count reaches the threshold now are
 * added to @crossed (may be NULL). */
static void
outlet_add_text (OutletLines *o,
                 gint64       id,
                 GArray      *lines,
                 GArray      *crossed)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_direct_hash, g_direct_equal);

  for (guint i = 0; i < lines->len; i++)
    {
      const Line *line = &g_array_index (lines, Line, i);
      guint64 h;
      LineInfo *info;

      if (!counts_as_line (line))
        continue;
      h = line_hash (line);
      if (g_hash_table_contains (seen, GSIZE_TO_POINTER ((gsize) h)))
        continue;
      g_hash_table_add (seen, GSIZE_TO_POINTER ((gsize) h));
      info = line_info (o, h, TRUE);
      if (info->count < 2)
        {
          info->first[info->count] = id;
          if (line->kind != NULL)
            info->settled |= 1 << info->count;
        }
      info->count++;
      if (crossed != NULL && info->count >= 2 && info->count <= 3 && info->count == threshold (line))
        g_array_append_val (crossed, h);
    }
}

HearsayBoilerplateContext *
hearsay_boilerplate_context_new (HearsayProject *project)
{
  HearsayBoilerplateContext *self = g_new0 (HearsayBoilerplateContext, 1);

  self->project = project;
  self->outlets = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, outlet_lines_free);
  self->imported = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
  return self;
}

void
hearsay_boilerplate_context_free (HearsayBoilerplateContext *self)
{
  if (self == NULL)
    return;
  g_hash_table_unref (self->outlets);
  g_hash_table_unref (self->imported);
  g_free (self);
}

guint
hearsay_boilerplate_context_take_n_elsewhere (HearsayBoilerplateContext *self)
{
  guint n = self->n_elsewhere;

  self->n_elsewhere = 0;
  return n;
}

static gboolean
add_stored_document (HearsayDocument  *doc,
                     gpointer          user_data,
                     GError          **error)
{
  g_autoptr(GArray) lines = split_lines (hearsay_document_get_text (doc));

  /* Whether these lines are marked is not known: settled stays 0. */
  outlet_add_text (user_data, hearsay_document_get_id (doc), lines, NULL);
  return TRUE;
}

/* The lines of the outlet's documents already in the project, but @doc. */
static OutletLines *
outlet_lines (HearsayBoilerplateContext  *self,
              HearsayDocument            *doc,
              GError                    **error)
{
  const char *outlet = hearsay_document_get_outlet (doc);
  HearsayProject *target = self->project;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GArray) ids = NULL;
  OutletLines *o = g_hash_table_lookup (self->outlets, outlet);

  if (o != NULL)
    return o;
  all = hearsay_project_list_documents (target, error);
  if (all == NULL)
    return NULL;
  ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  for (guint i = 0; i < all->len; i++)
    {
      HearsayDocument *other = g_ptr_array_index (all, i);
      gint64 id = hearsay_document_get_id (other);

      if (id != hearsay_document_get_id (doc) && g_strcmp0 (hearsay_document_get_outlet (other), outlet) == 0)
        g_array_append_val (ids, id);
    }
  o = g_new0 (OutletLines, 1);
  o->lines = g_hash_table_new (g_direct_hash, g_direct_equal);
  o->infos = g_array_new (FALSE, FALSE, sizeof (LineInfo));
  g_hash_table_insert (self->outlets, g_strdup (outlet), o);
  if (ids->len > 0 &&
      !hearsay_project_foreach_document (target, (const gint64 *) ids->data, ids->len, add_stored_document, o, error))
    {
      g_hash_table_remove (self->outlets, outlet);
      return NULL;
    }
  return o;
}

static gboolean
store_span (HearsayProject    *target,
            HearsayDocument   *doc,
            HearsayTextIndex  *index,
            gint64             start,
            gint64             end,
            const char        *label,
            const char        *kind,
            const char        *now,
            GError           **error)
{
  g_autoptr(HearsayAnnotation) ann = hearsay_annotation_new (hearsay_document_get_id (doc), label);

  hearsay_annotation_add_fragment (ann, start, end);
  if (kind != NULL)
    hearsay_annotation_set_attribute (ann, "kind", kind);
  hearsay_annotation_set_annotator (ann, HEARSAY_BOILERPLATE_ANNOTATOR);
  hearsay_annotation_set_created_at (ann, now);
  hearsay_annotation_set_modified_at (ann, now);
  hearsay_annotation_fill_quotes (ann, index);
  return hearsay_project_bulk_add_annotation (target, ann, error);
}

static const char *
repeated_kind (const Line *line)
{
  g_autofree char *folded = fold_line (line);

  return is_short_line (line, folded) ? "navigation" : "other";
}

/* Whether [start, end) lies inside one of @spans (sorted, not overlapping). */
static gboolean
covered (const HearsayBoilerplateSpan *spans,
         guint                         n,
         gint64                        start,
         gint64                        end)
{
  guint lo = 0, hi = n;

  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;

      if (spans[mid].end <= start)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo < n && spans[lo].start <= start && spans[lo].end >= end;
}

typedef struct
{
  HearsayBoilerplateContext *self;
  GHashTable *hashes;   /* line hashes to mark */
} Pending;

static gboolean
mark_earlier (HearsayDocument  *stored,
              gpointer          user_data,
              GError          **error)
{
  Pending *pending = user_data;
  HearsayBoilerplateContext *self = pending->self;
  HearsayProject *target = self->project;
  GHashTable *hashes = pending->hashes;
  const char *text = hearsay_document_get_text (stored);
  g_autoptr(GArray) lines = split_lines (text);
  g_autoptr(GPtrArray) anns = NULL;
  g_autoptr(GArray) spans = g_array_new (FALSE, FALSE, sizeof (HearsayBoilerplateSpan));
  g_autoptr(HearsayTextIndex) index = NULL;
  g_autofree char *now = hearsay_now_iso8601 ();
  HearsayDocument *mine;
  guint n = 0;
  gint64 id = hearsay_document_get_id (stored);

  anns = hearsay_project_list_annotations (target, id, error);
  if (anns == NULL)
    return FALSE;
  for (guint i = 0; i < anns->len; i++)
    {
      HearsayAnnotation *ann = g_ptr_array_index (anns, i);
      const HearsayFragment *f;

      if (g_strcmp0 (hearsay_annotation_get_label (ann), HEARSAY_BOILERPLATE_LABEL) != 0 &&
          g_strcmp0 (hearsay_annotation_get_label (ann), "headline") != 0)
        continue;
      for (guint k = 0; k < hearsay_annotation_get_n_fragments (ann); k++)
        {
          HearsayBoilerplateSpan span = { 0 };

          f = hearsay_annotation_get_fragment (ann, k);
          span.start = f->start;
          span.end = f->end;
          g_array_append_val (spans, span);
        }
    }
  g_array_sort (spans, hearsay_boilerplate_span_compare);
  for (guint i = 0; i < lines->len; i++)
    {
      const Line *line = &g_array_index (lines, Line, i);

      if (!counts_as_line (line) || !g_hash_table_contains (hashes, GSIZE_TO_POINTER ((gsize) line_hash (line))) ||
          covered ((HearsayBoilerplateSpan *) spans->data, spans->len, line->cp_start, line->cp_end))
        continue;
      if (index == NULL)
        index = hearsay_text_index_new (text);
      if (!store_span (target, stored, index, line->cp_start, line->cp_end, HEARSAY_BOILERPLATE_LABEL,
                       repeated_kind (line), now, error))
        return FALSE;
      n++;
    }
  mine = g_hash_table_lookup (self->imported, &id);
  if (mine != NULL)
    hearsay_document_set_n_annotations (mine, hearsay_document_get_n_annotations (mine) + n);
  self->n_elsewhere += n;
  return TRUE;
}

static gboolean
store_given (HearsayProject                *project,
             HearsayDocument               *doc,
             HearsayTextIndex              *index,
             const HearsayBoilerplateSpan  *given,
             guint                          n_given,
             GError                       **error)
{
  HearsayProject *target = project;
  g_autofree char *now = hearsay_now_iso8601 ();

  for (guint i = 0; i < n_given; i++)
    {
      const char *label = given[i].label != NULL ? given[i].label : HEARSAY_BOILERPLATE_LABEL;

      if (!store_span (target, doc, index, given[i].start, given[i].end, label, given[i].kind, now, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
hearsay_boilerplate_store_given (HearsayProject                *project,
                                 HearsayDocument               *doc,
                                 const HearsayBoilerplateSpan  *given,
                                 guint                          n_given,
                                 GError                       **error)
{
  g_autoptr(HearsayTextIndex) index = NULL;

  if (n_given == 0)
    return TRUE;
  index = hearsay_text_index_new (hearsay_document_get_text (doc));
  return store_given (project, doc, index, given, n_given, error);
}

int
hearsay_boilerplate_span_compare (gconstpointer a,
                                  gconstpointer b)
{
  const HearsayBoilerplateSpan *x = a, *y = b;

  return x->start < y->start ? -1 : x->start > y->start ? 1 : (x->end > y->end) - (x->end < y->end);
}

gboolean
hearsay_boilerplate_mark_spans (HearsayBoilerplateContext     *self,
                                HearsayDocument               *doc,
                                const HearsayBoilerplateSpan  *given,
                                guint                          n_given,
                                guint                         *n_marked,
                                GError                       **error)
{
  const char *text = hearsay_document_get_text (doc);
  HearsayProject *target = self->project;
  g_autoptr(GArray) lines = NULL;
  g_autoptr(GArray) crossed = NULL;
  g_autoptr(HearsayTextIndex) index = NULL;
  g_autofree char *now = hearsay_now_iso8601 ();
  gint64 id = hearsay_document_get_id (doc);
  OutletLines *outlet = NULL;
  guint n = 0;

  g_return_val_if_fail (text != NULL && id > 0, FALSE);

  if (n_given > 0)
    {
      index = hearsay_text_index_new (text);
      if (!store_given (self->project, doc, index, given, n_given, error))
        return FALSE;
    }
  n = n_given;
  lines = split_lines (text);
  /* What the page's structure marked stays as it is; a rule may not split it. */
  for (guint i = 0; n_given > 0 && i < lines->len; i++)
    {
      Line *line = &g_array_index (lines, Line, i);

      if (covered (given, n_given, line->cp_start, line->cp_end))
        line->kind = "";
    }
  apply_rules (lines);
  if (hearsay_document_get_outlet (doc) != NULL && *hearsay_document_get_outlet (doc) != '\0')
    {
      outlet = outlet_lines (self, doc, error);
      if (outlet == NULL)
        return FALSE;
      crossed = g_array_new (FALSE, FALSE, sizeof (guint64));
      outlet_add_text (outlet, id, lines, crossed);
    }
  for (guint i = 0; i < lines->len; i++)
    {
      Line *line = &g_array_index (lines, Line, i);

      if (line->kind == NULL && outlet != NULL && counts_as_line (line))
        {
          LineInfo *info = line_info (outlet, line_hash (line), FALSE);

          if (info != NULL && info->count >= 2 && info->count >= threshold (line))
            line->kind = repeated_kind (line);
        }
      if (line->kind == NULL || *line->kind == '\0')
        continue;
      if (index == NULL)
        index = hearsay_text_index_new (text);
      if (!store_span (target, doc, index, line->cp_start, line->cp_end, HEARSAY_BOILERPLATE_LABEL, line->kind, now, error))
        return FALSE;
      n++;
    }
  /* Lines that reached their count with this document: the documents before it that hold them. */
  if (crossed != NULL && crossed->len > 0)
    {
      g_autoptr(GHashTable) hashes = g_hash_table_new (g_direct_hash, g_direct_equal);
      g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));

      for (guint i = 0; i < crossed->len; i++)
        {
          guint64 h = g_array_index (crossed, guint64, i);
          LineInfo *info = line_info (outlet, h, FALSE);

          for (guint k = 0; k < MIN (info->count, 2u); k++)
            if (info->first[k] != id && !(info->settled & (1 << k)))
              {
                gboolean listed = FALSE;

                for (guint j = 0; j < ids->len && !listed; j++)
                  listed = g_array_index (ids, gint64, j) == info->first[k];
                if (!listed)
                  g_array_append_val (ids, info->first[k]);
                g_hash_table_add (hashes, GSIZE_TO_POINTER ((gsize) h));
                info->settled |= 1 << k;
              }
        }
      if (ids->len > 0)
        {
          Pending pending = { self, hashes };

          if (!hearsay_project_foreach_document (target, (const gint64 *) ids->data, ids->len, mark_earlier, &pending, error))
            return FALSE;
        }
    }
  if (!g_hash_table_contains (self->imported, &id))
    g_hash_table_insert (self->imported, g_memdup2 (&id, sizeof id), g_object_ref (doc));
  if (n_marked != NULL)
    *n_marked = n;
  return TRUE;
}

gboolean
hearsay_boilerplate_mark (HearsayBoilerplateContext  *self,
                          HearsayDocument            *doc,
                          guint                      *n_marked,
                          GError                    **error)
{
  return hearsay_boilerplate_mark_spans (self, doc, NULL, 0, n_marked, error);
}
