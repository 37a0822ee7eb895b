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
