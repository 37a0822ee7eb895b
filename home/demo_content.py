"""The seed page, “Partnerships & collaboration”, as data."""

import datetime

PARTNERSHIPS_TOPIC = {
    "title": "Partnerships & collaboration",
    "slug": "partnerships-collaboration",
    "intro": (
        "<p>When the library builds partnerships, it strengthens the ties to its community, "
        "shares resources, and builds positive relationships with diverse stakeholders. "
        "Reaching out to initiate community partnerships begins with identifying both "
        "traditional and non-traditional partners and exploring new ways to work together. "
        "Effective collaborations are sustained through a shared commitment to serving the "
        "ever-changing needs of the community.</p>"
    ),
    "teaser": "How libraries find partners, work with them, and keep those ties strong.",
    "hero_image_creator": "jenlen",
    "hero_image_licence": "CC BY-NC-ND 2.0",
    "hero_image_licence_url": "https://creativecommons.org/licenses/by-nc-nd/2.0/",
}

COMMUNITY_TOPIC = {
    "title": "Community engagement",
    "slug": "community-engagement",
    "intro": (
        "<p>Where do you go for inspiration? Invigorate your community engagement efforts "
        "with advice from library leaders.</p>"
    ),
    "teaser": (
        "Where do you go for inspiration? Invigorate your community engagement efforts "
        "with advice from library leaders."
    ),
}

# Newest first, as the seed lists them. News bodies begin with the seed's
# excerpt text and carry on past the 250-character cut.
ITEMS = [
    {
        "kind": "news",
        "title": "Build on Strengths When Responding to a Crisis",
        "publish_date": datetime.date(2021, 11, 11),
        "tags": ["crisis response", "museums"],
        "body": (
            "As the REALM project (REopening Archives, Libraries, and Museums) continues to "
            "gather and adapt science-based information to inform local decision making by "
            "libraries, archives, and museums, it’s been essential to listen to the real-world "
            "experiences of the people doing the work. Their stories show that the strengths an "
            "organisation already has are the best place to start."
        ),
    },
    {
        "kind": "news",
        "title": "Public Health is Part of Library Outreach",
        "publish_date": datetime.date(2021, 11, 3),
        "tags": ["outreach", "public health"],
        "body": (
            "Outreach efforts in the public library increasingly center around building, "
            "sustaining, and leveraging community partnerships, including with public health "
            "partners. That fact was evident at the 2021 Association of Bookmobile & Outreach "
            "Services’ (ABOS) conference, where session after session described joint work with "
            "health departments."
        ),
    },
    {
        "kind": "webinar",
        "title": "Public Libraries and Public Health: Partners for Community Health",
        "publish_date": datetime.date(2021, 10, 19),
        "tags": ["public health"],
        "summary": (
            "This webinar provides an introduction to public health, and shares how public "
            "health practitioners and library staff are partnering for success."
        ),
    },
    {
        "kind": "news",
        "title": "Skills for Community-Centered Libraries Curriculum Available",
        "publish_date": datetime.date(2021, 9, 23),
        "tags": ["training"],
        "body": (
            "Like many libraries across the nation, the Free Library of Philadelphia is "
            "undergoing a paradigm shift. Increasingly, our focus is not only on extensive "
            "collections but on how we are engaging with our communities. To address this "
            "shift, the Free Library of Philadelphia built a curriculum of community-centered "
            "skills, now available for any library to use."
        ),
    },
    {
        "kind": "webinar",
        "title": "CFPB’s Your Money, Your Goals: Financial Empowerment for Your Community",
        "publish_date": datetime.date(2021, 9, 22),
        "tags": ["financial literacy"],
        "summary": (
            "Learn about Your Money, Your Goals, a comprehensive tool created by the Consumer "
            "Financial Protection Bureau, to help empower people in your community who are "
            "developing financial knowledge."
        ),
    },
    {
        "kind": "webinar",
        "title": "OurStoryBridge: Creating Community Through Stories",
        "publish_date": datetime.date(2021, 8, 17),
        "tags": ["oral history"],
        "summary": (
            "The OurStoryBridge project has released a free toolkit of resources for libraries "
            "to create online, three-to five- minute oral histories."
        ),
    },
    {
        "kind": "news",
        "title": "Partnerships as the Key to the Future of Rural Library Services to Older Adults",
        "publish_date": datetime.date(2021, 8, 3),
        "tags": ["older adults", "rural libraries"],
        "body": (
            "When the COVID-19 pandemic arrived, public librarians grappled with the challenge "
            "of how to continue supporting the types of social connections they had, "
            "pre-pandemic, facilitated through engaging programming and inviting spaces. For "
            "many older adults, those connections are a lifeline, and rural libraries found "
            "partners to keep them going."
        ),
    },
    {
        "kind": "news",
        "title": "Community of Practice for Telehealth at the Library",
        "publish_date": datetime.date(2021, 6, 1),
        "tags": ["public health", "rural libraries"],
        "body": (
            "Even before the pandemic, Pottsboro Library in Texas had begun to focus more on "
            "health, through their community garden, and programming like cooking classes for "
            "families on a SNAP budget. But when director Dianne Connery witnessed the added "
            "challenges the pandemic brought, the library looked for a way to offer telehealth."
        ),
    },
    {
        "kind": "webinar",
        "title": "Smart Spaces are Community Places",
        "publish_date": datetime.date(2021, 4, 27),
        "tags": ["library spaces"],
        "summary": (
            "In this webinar, learn design thinking principles that can be used in "
            "collaboration with the community, to identify and meet space and programming "
            "needs for active learning."
        ),
    },
    {
        "kind": "webinar",
        "title": "Mental Health First Aid and Trauma-Informed Approaches for Libraries",
        "publish_date": datetime.date(2021, 4, 13),
        "tags": ["public health", "training"],
        "summary": (
            "This webinar explores how the principles of trauma-informed care and Mental Health "
            "First Aid can equip staff with the knowledge and confidence to communicate with "
            "compassion."
        ),
    },
]

HOME_SEARCH_DESCRIPTION = (
    "News and webinars for libraries that work with their communities: partnerships, "
    "outreach and community engagement, gathered by topic."
)

ACCESSIBILITY_PAGE = {
    "title": "Accessibility statement",
    "slug": "accessibility",
    "seo_title": "Accessibility statement",
    "search_description": (
        "How accessible the Library partnerships site is, how we test it, what we know "
        "is missing, and how to ask for information in another format."
    ),
    "intro": (
        "Library partnerships is run for public, school and academic libraries and the "
        "organisations that work with them. We want everyone to be able to read our news, "
        "find our webinars and take part in them."
    ),
    "body": """
<h2>How accessible this site is</h2>
<p>We aim to meet the Web Content Accessibility Guidelines (WCAG) 2.1 at level AA. You
should be able to:</p>
<ul>
<li>use the whole site with a keyboard alone, with a visible focus and a “Skip to
content” link;</li>
<li>zoom text to 200% and read pages on a screen 320 pixels wide without scrolling sideways;</li>
<li>navigate by headings and landmarks with a screen reader such as NVDA, JAWS or VoiceOver;</li>
<li>read every webinar's date, time and time zone in words, not only in a calendar.</li>
</ul>
<h2>How we test it</h2>
<p>Every change to the site is checked in a real browser by axe-core, an automated
accessibility checker, on each kind of page and on the editors' screens. We also check
pages with a keyboard and a screen reader before each release.</p>
<h2>What we know is not yet accessible</h2>
<ul>
<li>Webinar recordings are hosted by our partners. Most have captions; some older
recordings have automatic captions only. Ask us for a transcript.</li>
<li>Some partner websites we link to are not ours and may not meet the same standard.</li>
<li>Slides shared after webinars are PDF files that may not be tagged for screen readers.</li>
</ul>
<h2>Ask for another format, or tell us about a problem</h2>
<p>If you need information from this site in another format (large print, an accessible
document, a transcript or audio), or you find something you cannot use, contact us:</p>
<ul>
<li>email <a href="mailto:access@example.org">access@example.org</a>;</li>
<li>call <a href="tel:+18455550142">845-555-0142</a> (Monday to Friday, 9 a.m. to 5 p.m.
Eastern time; relay calls welcome).</li>
</ul>
<p>We will reply within five working days. If you need an accommodation to take part in a
webinar, such as live captions or an ASL interpreter, please ask at least ten working
days before it starts.</p>
<h2>If you are not happy with our response</h2>
<p>Tell us, and a member of the network's board who is not involved in running the site
will review your request. You can also contact the U.S. Department of Justice about the
Americans with Disabilities Act at <a href="https://www.ada.gov/">ada.gov</a>.</p>
<h2>About this statement</h2>
<p>This statement was prepared on 1 December 2026 from the tests described above. We
review it every year and whenever the site changes substantially.</p>
""",
}
