{#- Identity keys used for every join across export files (format doc §4, score model §3). -#}

{#- Profile URL key (format doc §4): prefix https:// when missing; strip ?query, #fragment and
    trailing slashes; host -> www.linkedin.com (also xx.linkedin.com and bare linkedin.com);
    percent-decode (kept as is when the bytes are not valid UTF-8); NFC; lower-case (slugs compare
    case-insensitively). Member URNs (urn:li:member:123, 2023 Invitations) and blanks give null. -#}
{% macro normalize_profile_url(expr) -%}
    {%- set cleaned -%}
        regexp_replace(
            regexp_replace(
                regexp_replace(
                    case when regexp_matches(trim({{ expr }}), '^[A-Za-z][A-Za-z0-9+.-]*://')
                         then trim({{ expr }})
                         else 'https://' || trim({{ expr }}) end,
                    '[?#].*$', ''),
                '/+$', ''),
            '^https?://([A-Za-z0-9-]+\.)?linkedin\.com', 'https://www.linkedin.com', 'i')
    {%- endset -%}
    (case
        when nullif(trim({{ expr }}), '') is null then null
        when lower(trim({{ expr }})) like 'urn:%' then null
        else lower(nfc_normalize(coalesce(try(url_decode({{ cleaned }})), {{ cleaned }})))
    end)
{%- endmacro %}

{#- True when a normalised URL is a member profile (https://www.linkedin.com/in/<slug>). -#}
{% macro is_profile_url(normalized_expr) -%}
    coalesce(regexp_matches({{ normalized_expr }}, '^https://www\.linkedin\.com/in/[^/]+$'), false)
{%- endmacro %}

{#- Name key (recommendations and other name-only joins): NFC, styled letters folded, post-nominals
    dropped (anything after a comma such as ", Ph.D." / ", MBA", a trailing "(she/her)", and trailing
    credentials like PhD/MBA/CPA), casefolded, accents stripped, emoji and symbols removed, hyphens
    as spaces, whitespace collapsed. Null when nothing is left. -#}
{% macro name_key(first, last) -%}
    nullif(trim(regexp_replace(
        replace(
            regexp_replace(
                regexp_replace(
                    regexp_replace(
                        lower(strip_accents(
                            regexp_replace(
                                {{ fold_styled_letters("nfc_normalize(concat_ws(' ', nullif(trim(" ~ first ~ "), ''), nullif(trim(" ~ last ~ "), '')))") }},
                                ',.*$', '')
                        )),
                        '\s*\([^)]*\)\s*$', ''),
                    '(\s+(ph\.?\s?d\.?|mba|cpa|cfa|pmp|cissp|msc|m\.sc\.?|bsc|b\.sc\.?|jd|llm))+\.?\s*$', ''),
                '[^\p{L}\p{N}\s-]', '', 'g'),
            '-', ' '),
        '\s+', ' ', 'g')), '')
{%- endmacro %}

{#- Company key: NFC, styled letters folded, casefolded, accents stripped, dots removed (S.A. -> sa),
    other punctuation -> space, trailing legal suffixes removed (repeatedly: "Foo Co., Ltd." -> foo,
    "Foo GmbH & Co. KG" -> foo): inc llc ltd gmbh ag sa sas plc corp co bv nv spa srl ab as oy kk limited
    corporation company, plus kg se oyj asa sarl sl llp lp pty pvt ltda. Whitespace collapsed; null when
    nothing is left. -#}
{% macro company_key(expr) -%}
    nullif(trim(regexp_replace(
        regexp_replace(
            regexp_replace(
                regexp_replace(
                    replace(lower(strip_accents({{ fold_styled_letters("nfc_normalize(trim(" ~ expr ~ "))") }})), '.', ''),
                    '[^\p{L}\p{N}]+', ' ', 'g'),
                '\s+', ' ', 'g'),
            '(\s(inc|llc|ltd|gmbh|ag|sa|sas|plc|corp|co|bv|nv|spa|srl|ab|as|oy|kk|limited|corporation|company|kg|se|oyj|asa|sarl|sl|llp|lp|pty|pvt|ltda))+\s?$', ''),
        '\s+', ' ', 'g')), '')
{%- endmacro %}
