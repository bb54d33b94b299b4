"""cvdstorm.eval"""
