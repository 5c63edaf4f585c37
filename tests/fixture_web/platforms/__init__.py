"""Per-platform page templates: URL forms and markup of each CMS family in the fixture web."""

from .base import ArticleContext, Link, Platform
from .danvan_legacy import DanvanLegacy
from .huecit import HueCIT
from .liferay import Liferay
from .mcms import Mcms
from .sharepoint import SharePointQN
from .vnpt import VnptMedia

PLATFORMS: dict[str, type[Platform]] = {
    cls.name: cls for cls in (HueCIT, Liferay, DanvanLegacy, SharePointQN, VnptMedia, Mcms)
}

__all__ = ["PLATFORMS", "ArticleContext", "Link", "Platform"]
