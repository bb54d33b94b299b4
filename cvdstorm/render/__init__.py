"""cvdstorm.render"""
