"""Free text: message bodies, invitation notes, comments, posts, recommendations.

Only the *shape* of text matters to the pipeline (length, commas and quotes that force CSV quoting, HTML
entities, emoji, NBSP, multi-line bodies), so the texts are built from small phrase pools rather than being
realistic prose. Every function takes the caller's `random.Random` so output stays seed-deterministic.
"""

from __future__ import annotations

import random

NBSP = "\u00a0"

_GREET = {
    "en": ("Hi {to}", "Hey {to}", "Hello {to}", "Hi {to}!", "Good morning {to}", "{to}"),
    "de": ("Hallo {to}", "Hi {to}", "Liebe/r {to}", "Moin {to}", "Guten Morgen {to}"),
    "fr": ("Bonjour {to}", "Salut {to}", "Hello {to}"),
    "es": ("Hola {to}", "Buenos días {to}", "Qué tal {to}"),
    "pt": ("Olá {to}", "Oi {to}", "Bom dia {to}"),
}
_OPEN_BODY = {
    "en": (
        "hope you're doing well!",
        "it's been a while – how are things at {company}?",
        "saw your post about {topic}, really interesting. Would love to hear more about how you approached it.",
        "are you around for a coffee next week? I'll be in {city} on Tuesday and Wednesday.",
        "quick question about {topic}: did you end up going with the vendor you mentioned?",
        "I'm putting together a small group to talk about {topic} and thought of you.",
        "congrats on the new role! 🎉 How are the first weeks going?",
        "thanks again for the intro last week, the call went really well.",
        "do you have 15 minutes this week? I'd like your take on {topic}.",
        "we're hiring for a {title} on my team and I immediately thought you might know someone.",
        "happy work anniversary! Time flies.",
        "just read the report you shared – the part on {topic} is spot on.",
        "following up on our chat at {event}, here are the slides I mentioned.",
    ),
    "de": (
        "ich hoffe, dir geht es gut!",
        "lange nicht gehört – wie läuft es bei {company}?",
        "hast du nächste Woche Zeit für einen Kaffee? Ich bin am Dienstag in {city}.",
        "kurze Frage zu {topic}: habt ihr euch am Ende für den Anbieter entschieden?",
        "danke nochmal für die Vorstellung, das Gespräch lief super.",
        "herzlichen Glückwunsch zur neuen Position! 🎉",
    ),
    "fr": (
        "j'espère que tu vas bien !",
        "ça fait longtemps – comment ça se passe chez {company} ?",
        "tu serais dispo pour un café la semaine prochaine ? Je serai à {city} mardi.",
        "merci encore pour la mise en relation, l'échange était top.",
        "félicitations pour le nouveau poste ! 🎉",
    ),
    "es": (
        "¡espero que estés bien!",
        "hace tiempo que no hablamos – ¿qué tal todo en {company}?",
        "¿tienes un rato la semana que viene para un café? Estaré en {city} el martes.",
        "gracias de nuevo por la presentación, la llamada fue genial.",
        "¡enhorabuena por el nuevo puesto! 🎉",
    ),
    "pt": (
        "espero que esteja tudo bem!",
        "quanto tempo – como estão as coisas na {company}?",
        "obrigado de novo pela apresentação, a conversa foi ótima.",
    ),
}
_REPLY = {
    "en": (
        "Great to hear from you!", "Thanks for reaching out, {to}.", "Sure, Tuesday works for me. 3pm?",
        "Sounds good 👍", "Haha yes, absolutely!", "Let me check my calendar and get back to you.",
        "Sorry for the late reply – crazy few weeks here.", "Thanks! Really appreciate it.",
        "Yes, we went with them in the end. Happy to share what we learned, it was a bumpy ride.",
        "Perfect, see you then.", "Can we move it to Thursday? Something came up.",
        "I'll send you the deck tonight.", "Good question. Short answer: it depends on the data volume, "
        "but for us the managed option was cheaper once you count the on-call time.",
        "Absolutely, count me in.", "Not right now, but thanks for thinking of me!", "Will do!",
        "Just sent you an invite for next week.", "Ha, small world! Say hi to the team from me.",
        "Thank you so much, {to} 🙏", "Let's do it. I'll book a room.", "Agreed, let's keep in touch.",
        "On it – will get back to you by Friday.", "That's great news, congrats!", "ok", "👍", "Thanks!",
    ),
    "de": (
        "Danke dir, {to}!", "Klingt gut, Dienstag passt.", "Sorry für die späte Antwort – viel los gerade.",
        "Ja, gerne! Schick mir einfach einen Termin.", "Super, bis dann 👍", "Danke, das freut mich sehr!",
    ),
    "fr": ("Merci {to} !", "Avec plaisir, mardi me va.", "Désolé pour la réponse tardive.", "Top, à bientôt 👍"),
    "es": ("¡Gracias {to}!", "Perfecto, el martes me va bien.", "Perdona la demora en responder.", "¡Genial! 👍"),
    "pt": ("Obrigado, {to}!", "Perfeito, terça funciona.", "Desculpa a demora!", "Combinado 👍"),
}
_SIGN = ("", "", "", " Best, {me}", " Cheers, {me}", " Thanks, {me}", " Talk soon!", " BR {me}")

TOPICS: tuple[str, ...] = (
    "the data platform migration", "hiring in this market", "pricing for the enterprise tier", "our Q3 roadmap",
    "the new EU AI Act", "remote onboarding", "supplier diversification", "the ERP rollout",
    "customer churn", "the conference in Lisbon", "SOC 2 audits", "the reorg", "LLM evaluation", "net zero targets",
    "the clinical trial readout", "working capital", "cloud costs", "the product launch", "board reporting",
)
EVENTS: tuple[str, ...] = (
    "the meetup", "Web Summit", "the offsite", "re:Invent", "the alumni dinner", "Hannover Messe", "VivaTech",
    "the workshop", "the CFO roundtable", "Slush", "the Hackathon", "SaaStr", "the kickoff",
)


def _lang_pool(pool: dict[str, tuple[str, ...]], lang: str) -> tuple[str, ...]:
    return pool.get(lang, pool["en"])


def _fill(rng: random.Random, text: str, **kw: str) -> str:
    kw.setdefault("topic", rng.choice(TOPICS))
    kw.setdefault("event", rng.choice(EVENTS))
    kw.setdefault("company", "your company")
    kw.setdefault("city", "town")
    kw.setdefault("title", "Senior Analyst")
    kw.setdefault("me", "")
    kw.setdefault("to", "")
    return text.format(**kw)


def dm_text(rng: random.Random, role: str, lang: str, *, to: str, me: str, company: str = "", city: str = "",
            title: str = "", long: bool = False) -> str:
    """One direct message. `role` is "open" (starts a session) or "reply"; `long` for deep ties."""
    kw = {"to": to, "me": me, "company": company or "your company", "city": city or "town", "title": title or "Senior Analyst"}
    if role == "open":
        greet = _fill(rng, rng.choice(_lang_pool(_GREET, lang)), **kw)
        parts = [greet + ", " + _fill(rng, rng.choice(_lang_pool(_OPEN_BODY, lang)), **kw)]
        extra = rng.randint(1, 3) if long else rng.randint(0, 1)
        for _ in range(extra):
            more = _fill(rng, rng.choice(_lang_pool(_OPEN_BODY, lang)), **kw)
            parts.append(more[:1].upper() + more[1:])
        text = " ".join(parts)
    else:
        n = rng.randint(1, 3) if long else 1
        text = " ".join(_fill(rng, rng.choice(_lang_pool(_REPLY, lang)), **kw) for _ in range(n))
    if rng.random() < 0.15:
        text += _fill(rng, rng.choice(_SIGN), **kw)
    return decorate(rng, text)


def decorate(rng: random.Random, text: str) -> str:
    """Real bodies carry NBSP (about 1 %) and emoji; newlines are always stripped by LinkedIn."""
    if rng.random() < 0.012:
        i = text.find(" ")
        if i > 0:
            text = text[:i] + NBSP + text[i + 1:]
    if rng.random() < 0.04:
        text += " " + rng.choice(("😊", "🙂", "👍", "🙏", "😂", "🎉", "💪", "🤝"))
    return text.replace("\r", " ").replace("\n", " ")


GROUP_TITLES: tuple[str, ...] = (
    "Q3 planning", "Alumni meetup 2025", "Team offsite", "Book club 📚", "Berlin Data Folks", "Project Phoenix",
    "Hiring sync", "Reunion, class of 2012", "Advisory board", "Launch crew 🚀", "Conference carpool",
    "Mentoring circle", "Old team, new jobs", "Women in Tech – Munich", "Friday drinks",
)
GROUP_LINES: tuple[str, ...] = (
    "Hi all, thanks for joining yesterday!", "Sharing the notes from today's call.", "Who's in for Thursday?",
    "Count me in!", "Can't make it this time, sorry 😕", "Great idea, +1", "Here's the link to the doc.",
    "Congrats everyone, great work!", "I'll bring the slides.", "Same time next month?", "Welcome to the group, {to}!",
)

INMAIL_SUBJECTS: tuple[str, ...] = (
    "Exciting opportunity at {company}", "{title} role – open to a chat?", "Quick question", "Partnership idea",
    "Your profile caught my eye", "Invitation: executive roundtable on {topic}", "Let's connect about {topic}",
)
RECRUITER_BODIES: tuple[str, ...] = (
    "I came across your profile and was impressed by your experience with {topic}. We're hiring a {title} at "
    "{company} – would you be open to a quick chat this week?",
    "I'm reaching out about a {title} opportunity with a fast-growing client in {city}. Compensation is "
    "competitive & fully remote is possible. Interested?",
    "Your background looks like a great fit for a {title} role we're filling. Are you open to new opportunities?",
)
SALES_BODIES: tuple[str, ...] = (
    "I help teams like yours cut {topic} costs by 30%. Would you be open to a 15-minute call next week?",
    "We just published a benchmark on {topic} – happy to send it over & walk you through the key findings.",
    "Noticed you're leading work on {topic}. We've helped companies like {company} do the same in weeks, not months.",
)
PREMIUM_SUBJECTS: tuple[str, ...] = (
    "Your free month of Premium is waiting", "{to}, try Premium for 0 EUR", "See who's viewed your profile",
    "Get hired faster with Premium", "Unlock Sales Navigator for your team",
)
PREMIUM_BODIES: tuple[str, ...] = (
    "Members who use Premium are contacted by recruiters 2x more often. Start your free month today & see who’s viewed your profile.",
    "Your network is growing – Premium helps you stand out to the right people. Cancel anytime, no questions asked.",
    "Sales Navigator helps you find & engage the right buyers. Book a demo with our team.",
)


def html_inmail(rng: random.Random, greeting: str, body: str) -> str:
    """Sponsored/InMail bodies are HTML with entities (&amp;, &rsquo;, &nbsp;) and <br> paragraphs."""
    esc = body.replace("&", "&amp;").replace("’", "&rsquo;").replace("'", "&rsquo;")
    if rng.random() < 0.3:
        esc = esc.replace(". ", ".&nbsp; ", 1)
    p = '<p class="spinmail-quill-editor__spin-break">'
    out = f"{p}{greeting}</p>{p}<br></p>{p}{esc}</p>"
    if rng.random() < 0.5:
        out += f"{p}<br></p>{p}Best regards</p>"
    return out


def fill(rng: random.Random, template: str, **kw: str) -> str:
    return _fill(rng, template, **kw)


INVITE_NOTES: tuple[str, ...] = (
    "Hi {to}, great meeting you at {event}! Let's stay in touch.",
    "Hi {to}, I'd like to join your network.",
    "Hello {to}, we met briefly at {event} – would love to connect.",
    "Hi {to}, I'm also working on {topic} and enjoyed your recent post. Happy to connect!",
    "{to}, it was a pleasure working with you. Let's connect here too.",
)

COMMENT_LINES: tuple[str, ...] = (
    "Congratulations!", "Well deserved 👏", "Great insights, thanks for sharing", "Love this", "Congrats {to}!",
    "So true", "This is spot on", "Thanks for sharing this", "Couldn't agree more", "Amazing news 🎉",
    "Fully agree with this take", "Very helpful", "Interesting perspective", "Bravo à toute l'équipe !",
    "Glückwunsch!", "Enhorabuena", "Great to see this", "Insightful as always", "Following",
    "We see the same in our team", "Happy to help", "Best of luck in the new role",
)
COMMENT_TAILS: tuple[str, ...] = (
    "Looking forward to the next one", "Thanks for the mention", "Would love to learn more", "Keep it up",
    "Let me know if you need anything", "See you there", "Sent you a DM", "Cheers",
)
COMMENT_WITH_COMMAS: tuple[str, ...] = (
    "Great post, {to}. The point about {topic} is something we struggle with too.",
    "Thanks, {to}! Yes, happy to share our playbook.",
    "Interesting, but I'd argue the opposite for {topic}.",
    "Congrats, well deserved!",
    "So, what would you do differently next time?",
    'Love the "{topic}" framing, very clear.',
)

SHARE_PARAGRAPHS: tuple[str, ...] = (
    "I'm excited to share that I've started a new position as {title} at {company}!",
    "After {n} amazing years, today is my last day at {company}.",
    "We just published our thoughts on {topic}, link in the comments 👇",
    "Three lessons from a year of working on {topic}:",
    "1. Start small and measure everything.",
    "2. Talk to users every single week.",
    "3. Write things down – future you will be grateful.",
    "Huge thanks to the whole team for making this happen 🙏",
    "We're hiring! If you're passionate about {topic}, reach out.",
    "Had a great time at {event} this week. So many good conversations about {topic}.",
    "What's your experience with {topic}? Curious to hear from my network.",
    "Proud of what we built, and even more proud of the people who built it.",
    "Slides from my talk are here: https://bit.ly/3xYz{n}Q",
)
HASHTAGS: tuple[str, ...] = (
    "#hiring", "#leadership", "#data", "#AI", "#sustainability", "#careers", "#teamwork", "#innovation",
    "#engineering", "#marketing", "#finance", "#opentowork", "#growth", "#healthcare", "#startups",
)

RECOMMENDATION_SENTENCES: tuple[str, ...] = (
    "I had the pleasure of working with {to} at {company}, where {pronoun} led our work on {topic}.",
    "{to} is one of the most thoughtful colleagues I have worked with.",
    "{to} combines deep expertise with a genuine care for the people around {obj}.",
    "When things got hard, {to} was the person everyone went to.",
    "{pronoun_cap} consistently delivered ahead of schedule, and the quality of the work was outstanding.",
    "I would hire {to} again without hesitation.",
    "Any team would be lucky to have {obj}.",
    "{pronoun_cap} mentored several junior colleagues, including me, with patience and clarity.",
    "{to}'s ability to turn ambiguous problems into clear plans is rare.",
)

SEARCH_QUERIES: tuple[str, ...] = (
    "data engineer berlin", "product manager", "{company}", "recruiter {company}", "{topic}", "cto",
    "head of marketing", "sales director dach", "python developer", "ux designer remote",
)

LEARNING_COURSES: tuple[tuple[str, str], ...] = (
    ("Excel Essential Training (Microsoft 365)", "COURSE"), ("Learning Python", "COURSE"),
    ("Project Management Foundations", "COURSE"), ("Become a Data Analyst", "LEARNING_PATH"),
    ("Strategic Thinking", "COURSE"), ("Generative AI for Business Leaders", "COURSE"),
    ("Negotiation Foundations", "COURSE"), ("SQL Essential Training", "COURSE"),
    ("Leading with Emotional Intelligence", "VIDEO"), ("Agile Foundations", "COURSE"),
)

COACH_QUESTIONS: tuple[str, ...] = (
    "What skills should I learn to become a product manager?", "How do I prepare for a salary negotiation?",
    "Summarize this course in three bullet points.", "How can I give better feedback to my team?",
)
COACH_ANSWERS: tuple[str, ...] = (
    "Great question! Here are a few courses that can help you build those skills: Product Management Foundations, "
    "Agile Foundations and Strategic Thinking.",
    "Start by researching market rates, then practise your opening. The course Negotiation Foundations covers this in detail.",
    "Here's a summary of the key ideas, with links to the relevant videos.",
)
